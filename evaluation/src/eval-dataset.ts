import { Rng } from '#csv-generator';
import { shapedItem, SHAPES, type Shape } from './price-shapes.js';

/** History sizes the evaluation reports separately. */
export const EVAL_HISTORY_SIZES = [10, 30, 200, 2000] as const;
export const EVAL_ITEMS_PER_SHAPE = 40;
export const EVAL_NORMAL_QUERIES = 8;
/** The seed the policy's constants were chosen on; the README's table and the tests use others. */
export const CALIBRATION_SEED = 9_001;
export const HELD_OUT_SEEDS = [77, 31_337, 500_000] as const;

/** Share of items (history of 30 or more) whose history already holds gross errors, and how many. */
const CONTAMINATED_SHARE = 0.3;
const CONTAMINATION_RATE = 0.005;

export interface EvalItem {
  itemId: string;
  shape: Shape;
  size: number;
  /** The history, oldest first. */
  prices: readonly number[];
  /** Held-out prices drawn the way the item trades now: should be judged normal. */
  normal: readonly number[];
  /** x/÷1.6-2.5 beyond the item's highest/lowest level (and at least 5 sigma of its noise); none for dispersed items. */
  moderate: readonly number[];
  /** x/÷3-10 beyond its levels; for dispersed items at least 10x and beyond 4.5 sigma. */
  gross: readonly number[];
  /**
   * Not a target tier, a probe of what the forest adds: for tiers items, a price in the middle of
   * the gap between the unit and the pack price, where the item never trades (inside its band).
   */
  inGap: readonly number[];
}

export interface EvalDatasetOptions {
  sizes?: readonly number[];
  itemsPerShape?: number;
  seed?: number;
}

/** The labelled evaluation set of DETECTION v2, fully determined by its seed. */
export function* evalDataset(options: EvalDatasetOptions = {}): Generator<EvalItem> {
  const seed = options.seed ?? CALIBRATION_SEED;
  for (const size of options.sizes ?? EVAL_HISTORY_SIZES) {
    for (const [shapeIndex, shape] of SHAPES.entries()) {
      for (let i = 0; i < (options.itemsPerShape ?? EVAL_ITEMS_PER_SHAPE); i++) {
        const rng = new Rng(seed * 1_000_003 + size * 10_007 + shapeIndex * 1_009 + i);
        yield labelledItem(`EVAL-${shape}-${size}-${i}`, shape, size, rng);
      }
    }
  }
}

const round4 = (price: number) => Math.max(0.0001, Math.round(price * 10_000) / 10_000);

function labelledItem(itemId: string, shape: Shape, size: number, rng: Rng): EvalItem {
  const item = shapedItem(shape, size, rng);
  const prices = [...item.prices];
  if (size >= 30 && rng.chance(CONTAMINATED_SHARE)) {
    // Gross errors already in the history (an extra zero, a missing digit): they must not widen what is normal.
    for (let k = Math.max(1, Math.round(CONTAMINATION_RATE * size)); k > 0; k--) {
      const at = rng.int(0, size - 1);
      prices[at] = round4(rng.chance(0.5) ? item.highestLevel * rng.between(3, 10) : item.lowestLevel / rng.between(3, 10));
    }
  }
  const beyond = (low: number, high: number) => [item.highestLevel * rng.between(low, high), item.lowestLevel / rng.between(low, high)];
  const moderateFloor = Math.max(1.6, Math.exp(5 * item.sigma));
  return {
    itemId,
    shape,
    size,
    prices,
    normal: Array.from({ length: EVAL_NORMAL_QUERIES }, () => item.drawNormal(rng)),
    moderate: shape === 'dispersed' || moderateFloor >= 2.5 ? [] : beyond(moderateFloor, 2.5),
    inGap: item.gapPrice === undefined ? [] : [round4(item.gapPrice)],
    gross: shape === 'dispersed' ? beyond(Math.max(10, Math.exp(4.5 * item.sigma)), 2 * Math.max(10, Math.exp(4.5 * item.sigma))) : beyond(3, 10),
  };
}
