import { drawQueryPrices, generateItemHistory, type ItemKind } from '#csv-generator';

/** History sizes the evaluation reports separately. */
export const EVAL_HISTORY_SIZES = [10, 30, 200, 2000] as const;
/** Items per kind at every history size: tight kinds dominate, as in real exports. */
export const EVAL_ITEMS_PER_KIND: Record<ItemKind, number> = { sticky: 50, noisy: 35, dispersed: 20 };
export const EVAL_QUERIES_PER_ITEM = { normal: 8, anomalous: 8 };
/** The calibration set's seed; tests evaluate on other seeds, i.e. on data the policy was not tuned on. */
export const CALIBRATION_SEED = 9_001;

export interface EvalItem {
  itemId: string;
  kind: ItemKind;
  size: number;
  prices: readonly number[];
  /** Held-out prices of the item's normal regime: should be judged normal. */
  normal: readonly number[];
  /** Injected anomalies (x3..x10 or /3../10 of the typical price; beyond the range for dispersed items). */
  anomalous: readonly number[];
}

export interface EvalDatasetOptions {
  sizes?: readonly number[];
  itemsPerKind?: Partial<Record<ItemKind, number>>;
  seed?: number;
}

/** The labelled evaluation set, fully determined by fixed seeds (the old-rule fixtures depend on it). */
export function* evalDataset(options: EvalDatasetOptions = {}): Generator<EvalItem> {
  const itemsPerKind = { ...EVAL_ITEMS_PER_KIND, ...options.itemsPerKind };
  for (const size of options.sizes ?? EVAL_HISTORY_SIZES) {
    for (const [kind, count] of Object.entries(itemsPerKind) as [ItemKind, number][]) {
      for (let i = 0; i < count; i++) {
        const seed = (options.seed ?? CALIBRATION_SEED) + size * 1000 + kind.length * 100 + i;
        const history = generateItemHistory({ kind, size, seed, itemId: `EVAL-${kind}-${size}-${i}` });
        const queries = drawQueryPrices(history, { ...EVAL_QUERIES_PER_ITEM, seed: seed + 7 });
        yield {
          itemId: history.itemId,
          kind,
          size,
          prices: history.prices,
          normal: queries.normal,
          anomalous: queries.anomalous.map((query) => query.price),
        };
      }
    }
  }
}
