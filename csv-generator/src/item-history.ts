import { Calendar } from './calendar.js';
import { randomItemId } from './item-ids.js';
import {
  type AnomalyDirection,
  createItemModel,
  type ItemKind,
  type ItemModel,
  type ItemSpec,
  median,
  sampleAnomaly,
  sampleDay,
  sampleNormalUnits,
  sampleObservedUnits,
} from './item-model.js';
import { unitsToPrice } from './price-format.js';
import { Rng } from './random.js';

export interface ItemHistoryOptions extends Partial<ItemSpec> {
  readonly kind: ItemKind;
  readonly size: number;
  readonly seed: number;
  readonly itemId?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface ItemHistory {
  readonly itemId: string;
  readonly kind: ItemKind;
  readonly prices: readonly number[];
  /** `YYYY-MM-DD`, aligned with prices; not sorted, like the marketplace export. */
  readonly dates: readonly string[];
  /** Median of the generated (anomaly-free) history. */
  readonly typicalPrice: number;
  readonly normalLow: number;
  readonly normalHigh: number;
  readonly model: ItemModel;
  readonly calendar: Calendar;
}

/** One item's anomaly-free price history, reproducible from its seed. */
export function generateItemHistory(options: ItemHistoryOptions): ItemHistory {
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('size must be a positive integer');
  const calendar = new Calendar(options.from, options.to);
  const rng = new Rng(options.seed);
  const itemId = options.itemId ?? randomItemId(rng);
  const model = createItemModel(rng, options, calendar.length);
  const prices: number[] = [];
  const dates: string[] = [];
  for (let i = 0; i < options.size; i++) {
    const day = sampleDay(model, rng);
    prices.push(unitsToPrice(sampleObservedUnits(model, rng, day)));
    dates.push(calendar.days[day] as string);
  }
  return {
    itemId,
    kind: options.kind,
    prices,
    dates,
    typicalPrice: median(prices),
    normalLow: model.normalLow,
    normalHigh: model.normalHigh,
    model,
    calendar,
  };
}

export interface AnomalousQuery {
  readonly price: number;
  readonly direction: AnomalyDirection;
  /** price / typicalPrice. */
  readonly factor: number;
}

export interface QueryPrices {
  readonly normal: readonly number[];
  readonly anomalous: readonly AnomalousQuery[];
}

export interface QueryPriceOptions {
  readonly normal: number;
  readonly anomalous: number;
  readonly seed: number;
}

/**
 * Held-out query prices for an item: normal ones drawn from its normal regime (no outliers), and
 * labelled anomalies (x3..x10 or /3../10 of the typical price; beyond 3x-10x the range for dispersed items).
 */
export function drawQueryPrices(history: ItemHistory, options: QueryPriceOptions): QueryPrices {
  const rng = new Rng(options.seed);
  const normal = Array.from({ length: options.normal }, () =>
    unitsToPrice(sampleNormalUnits(history.model, rng, sampleDay(history.model, rng))),
  );
  const anomalous = Array.from({ length: options.anomalous }, () => {
    const anomaly = sampleAnomaly(history.model, rng, history.typicalPrice);
    const price = unitsToPrice(anomaly.units);
    return { price, direction: anomaly.direction, factor: price / history.typicalPrice };
  });
  return { normal, anomalous };
}
