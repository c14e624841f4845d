import { readFileSync } from 'node:fs';
import { Rng } from '#csv-generator';
import { SEED_FILE } from '#db-seed';

export interface LoadItem {
  itemId: string;
  median: number;
}

export interface Observation {
  observation_id: string;
  item_id: string;
  ord_closed_dt: string;
  price: number;
}

/** The seeded items and their median prices, read from the seed file (no database needed). */
export function seedFileItems(): LoadItem[] {
  const prices = new Map<string, number[]>();
  for (const line of readFileSync(SEED_FILE, 'utf8').trim().split('\n').slice(1)) {
    const [itemId, , price] = line.split(',');
    (prices.get(itemId) ?? prices.set(itemId, []).get(itemId)!).push(Number(price));
  }
  return [...prices].map(([itemId, values]) => ({ itemId, median: values.sort((a, b) => a - b)[Math.floor(values.length / 2)] }));
}

/**
 * `count` realistic observations over `items`: normal ones within ±3% of the item's median, a
 * share `anomalyRate` of them 3-10x off it. Ids are `<prefix>-<n>`, so a run can be checked end to end.
 */
export function* observations(items: readonly LoadItem[], count: number, anomalyRate: number, prefix: string, seed = 7): Generator<Observation> {
  const rng = new Rng(seed);
  for (let n = 0; n < count; n++) {
    const item = items[rng.int(0, items.length - 1)];
    const factor = rng.chance(anomalyRate) ? rng.between(3, 10) ** (rng.chance(0.5) ? 1 : -1) : rng.between(0.97, 1.03);
    yield { observation_id: `${prefix}-${n}`, item_id: item.itemId, ord_closed_dt: '2024-04-01', price: Math.max(0.01, Math.round(item.median * factor * 100) / 100) };
  }
}

export function* chunks<T>(values: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const value of values) {
    chunk.push(value);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
