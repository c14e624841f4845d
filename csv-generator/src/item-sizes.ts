import type { Rng } from './random.js';

export const ORDINARY_MAX_ROWS = 251;

/** An ordinary item's row count: log-normal around ~92, so most fall between 40 and 190. */
export function drawOrdinarySize(rng: Rng): number {
  return Math.min(ORDINARY_MAX_ROWS, Math.max(12, Math.round(92 * Math.exp(0.4 * rng.normal()))));
}

/**
 * Row counts for `items` items summing exactly to `rows`: ordinary items of ~40-190 rows, and
 * when there are more rows than that, a few huge items taking the rest in halving shares.
 */
export function allocateItemSizes(rng: Rng, rows: number, items: number): number[] {
  if (!Number.isInteger(items) || items < 1) throw new RangeError('items must be a positive integer');
  if (!Number.isInteger(rows) || rows < items) throw new RangeError('rows must be an integer >= items');
  const hugeCount = Math.min(items, Math.max(1, Math.round(items / 100)));
  const ordinary = Array.from({ length: items - hugeCount }, () => drawOrdinarySize(rng));
  const excess = rows - sum(ordinary);
  let sizes: number[];
  if (excess >= hugeCount * (ORDINARY_MAX_ROWS + 1)) {
    const weights = Array.from({ length: hugeCount }, (_, i) => 2 ** -i);
    sizes = [...ordinary, ...fitToTotal(weights, excess, ORDINARY_MAX_ROWS + 1)];
  } else {
    sizes = fitToTotal([...ordinary, ...Array.from({ length: hugeCount }, () => drawOrdinarySize(rng))], rows, 1);
  }
  return shuffle(rng, sizes);
}

/** Scales weights to integers >= min that sum exactly to total (largest remainders get the spare units). */
export function fitToTotal(weights: readonly number[], total: number, min: number, max: number = Infinity): number[] {
  if (total < min * weights.length || total > max * weights.length) throw new RangeError(`cannot fit ${total} into ${weights.length} sizes`);
  const scale = total / sum(weights);
  const sizes = weights.map((weight) => Math.min(max, Math.max(min, Math.floor(weight * scale))));
  const order = weights.map((weight, i) => ({ i, remainder: weight * scale - Math.floor(weight * scale) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let missing = total - sum(sizes);
  while (missing !== 0) {
    const before = missing;
    for (const { i } of order) {
      if (missing === 0) break;
      const size = sizes[i] as number;
      if (missing > 0 && size < max) {
        sizes[i] = size + 1;
        missing--;
      } else if (missing < 0 && size > min) {
        sizes[i] = size - 1;
        missing++;
      }
    }
    if (missing === before) throw new RangeError(`cannot fit ${total} into ${weights.length} sizes`);
  }
  return sizes;
}

export function shuffle<T>(rng: Rng, values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [values[i], values[j]] = [values[j] as T, values[i] as T];
  }
  return values;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
