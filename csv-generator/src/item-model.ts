import { type PriceDecimals, toPriceUnits, unitsToPrice } from './price-format.js';
import type { Rng } from './random.js';

export const ITEM_KINDS = ['sticky', 'noisy', 'dispersed'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What an item should look like; anything left out is drawn at random. */
export interface ItemSpec {
  readonly kind: ItemKind;
  /** The price the item usually trades at (its median). */
  readonly typicalPrice?: number;
  readonly decimals?: PriceDecimals;
  /** Active window as calendar offsets, both included. */
  readonly firstDay?: number;
  readonly lastDay?: number;
  /** noisy: sigma of the log noise; dispersed: sigma of log(price). */
  readonly dispersion?: number;
  /** dispersed: bounds of the spread (defaults to 2.5 sigma each side). */
  readonly low?: number;
  readonly high?: number;
  /** sticky/noisy: share of rows that are mild natural outliers (0.4x-0.7x or 1.4x-2.5x). */
  readonly outlierShare?: number;
}

interface ModelBase {
  readonly decimals: PriceDecimals;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Nominal median of the normal regime. */
  readonly typicalPrice: number;
  /** Range of the normal regime (promos and drift included, natural outliers excluded). */
  readonly normalLow: number;
  readonly normalHigh: number;
}

export interface StickyModel extends ModelBase {
  readonly kind: 'sticky';
  /** Regular price in units for each active day: constant for weeks, then a small step. */
  readonly regularByDay: readonly number[];
  readonly promoDiscounts: readonly number[];
  readonly promoShare: number;
  readonly outlierShare: number;
}

export interface NoisyModel extends ModelBase {
  readonly kind: 'noisy';
  readonly levelByDay: readonly number[];
  readonly sigma: number;
  readonly outlierShare: number;
}

export interface DispersedModel extends ModelBase {
  readonly kind: 'dispersed';
  readonly sigma: number;
}

export type ItemModel = StickyModel | NoisyModel | DispersedModel;

export type AnomalyDirection = 'high' | 'low';

export interface Anomaly {
  readonly units: number;
  readonly direction: AnomalyDirection;
}

export function createItemModel(rng: Rng, spec: ItemSpec, calendarLength: number): ItemModel {
  const typicalPrice = spec.typicalPrice ?? Math.min(3000, Math.max(2.5, Math.exp(4 + 0.9 * rng.normal())));
  const decimals = spec.decimals ?? (rng.chance(0.12) ? 4 : 2);
  const window = activeWindow(rng, spec, calendarLength);
  const base = { decimals, ...window };
  switch (spec.kind) {
    case 'sticky':
      return stickyModel(rng, spec, base, typicalPrice);
    case 'noisy':
      return noisyModel(rng, spec, base, typicalPrice);
    case 'dispersed':
      return dispersedModel(rng, spec, base, typicalPrice);
  }
}

function activeWindow(rng: Rng, spec: ItemSpec, calendarLength: number): { firstDay: number; lastDay: number } {
  if (spec.firstDay !== undefined || spec.lastDay !== undefined) {
    return { firstDay: spec.firstDay ?? 0, lastDay: spec.lastDay ?? calendarLength - 1 };
  }
  // Many listings are younger than the export or stop selling before it ends.
  const length = Math.min(calendarLength, rng.int(Math.min(calendarLength, 30), calendarLength));
  const firstDay = rng.int(0, calendarLength - length);
  return { firstDay, lastDay: firstDay + length - 1 };
}

type WindowedBase = { decimals: PriceDecimals; firstDay: number; lastDay: number };

function stickyModel(rng: Rng, spec: ItemSpec, base: WindowedBase, typicalPrice: number): StickyModel {
  const days = base.lastDay - base.firstDay + 1;
  const regularByDay: number[] = [];
  let logLevel = 0;
  while (regularByDay.length < days) {
    // Mean-reverting steps: the regular price drifts a few percent every few weeks.
    logLevel = 0.6 * logLevel + 0.05 * rng.normal();
    const units = regularUnits(typicalPrice * Math.exp(logLevel), base.decimals, rng);
    const periodLength = rng.int(10, 35);
    for (let i = 0; i < periodLength && regularByDay.length < days; i++) regularByDay.push(units);
  }
  const promoDiscounts = Array.from({ length: rng.int(1, 3) }, () => rng.between(0.05, 0.3));
  const lowest = Math.min(...regularByDay);
  return {
    kind: 'sticky',
    ...base,
    typicalPrice: unitsToPrice(median(regularByDay)),
    normalLow: unitsToPrice(lowest) * (1 - Math.max(...promoDiscounts)),
    normalHigh: unitsToPrice(Math.max(...regularByDay)),
    regularByDay,
    promoDiscounts,
    promoShare: rng.between(0.08, 0.3),
    outlierShare: spec.outlierShare ?? rng.between(0, 0.02),
  };
}

/** Shop prices often end in .90 or .99; the rest are plain cents (or 4 decimals for unit prices). */
function regularUnits(price: number, decimals: PriceDecimals, rng: Rng): number {
  if (decimals === 2 && price >= 10) {
    const roll = rng.float();
    if (roll < 0.35) return toPriceUnits(Math.floor(price) + 0.9, 2);
    if (roll < 0.6) return toPriceUnits(Math.floor(price) + 0.99, 2);
  }
  return toPriceUnits(price, decimals);
}

function noisyModel(rng: Rng, spec: ItemSpec, base: WindowedBase, typicalPrice: number): NoisyModel {
  const days = base.lastDay - base.firstDay + 1;
  const sigma = spec.dispersion ?? rng.between(0.04, 0.14);
  const levelByDay: number[] = [];
  let logLevel = 0;
  for (let day = 0; day < days; day++) {
    // A weekly random walk, pulled back towards the typical price.
    if (day % 7 === 0) logLevel = 0.85 * logLevel + 0.03 * rng.normal();
    levelByDay.push(typicalPrice * Math.exp(logLevel));
  }
  const spread = Math.exp(3 * sigma);
  return {
    kind: 'noisy',
    ...base,
    typicalPrice: median(levelByDay),
    normalLow: Math.min(...levelByDay) / spread,
    normalHigh: Math.max(...levelByDay) * spread,
    levelByDay,
    sigma,
    outlierShare: spec.outlierShare ?? rng.between(0, 0.01),
  };
}

function dispersedModel(rng: Rng, spec: ItemSpec, base: WindowedBase, typicalPrice: number): DispersedModel {
  const sigma = spec.dispersion ?? rng.between(0.55, 0.95);
  return {
    kind: 'dispersed',
    ...base,
    typicalPrice,
    normalLow: spec.low ?? typicalPrice * Math.exp(-2.5 * sigma),
    normalHigh: spec.high ?? typicalPrice * Math.exp(2.5 * sigma),
    sigma,
  };
}

export function sampleDay(model: ItemModel, rng: Rng): number {
  return rng.int(model.firstDay, model.lastDay);
}

/** A price of the normal regime on a given calendar day, in units. */
export function sampleNormalUnits(model: ItemModel, rng: Rng, day: number): number {
  const index = Math.min(Math.max(day - model.firstDay, 0), model.lastDay - model.firstDay);
  switch (model.kind) {
    case 'sticky': {
      const regular = model.regularByDay[index] as number;
      if (!rng.chance(model.promoShare)) return regular;
      return toPriceUnits(unitsToPrice(regular) * (1 - rng.pick(model.promoDiscounts)), model.decimals);
    }
    case 'noisy':
      return toPriceUnits((model.levelByDay[index] as number) * Math.exp(model.sigma * rng.normal()), model.decimals);
    case 'dispersed':
      return toPriceUnits(sampleWithin(model, rng), model.decimals);
  }
}

function sampleWithin(model: DispersedModel, rng: Rng): number {
  for (;;) {
    const price = model.typicalPrice * Math.exp(model.sigma * rng.normal());
    if (price > model.normalLow && price < model.normalHigh) return price;
  }
}

/** A row price as the marketplace records it: the normal regime plus rare mild outliers. */
export function sampleObservedUnits(model: ItemModel, rng: Rng, day: number): number {
  if (model.kind !== 'dispersed' && rng.chance(model.outlierShare)) {
    const factor = rng.chance(0.5) ? rng.between(1.4, 2.5) : rng.between(0.4, 0.7);
    return toPriceUnits(model.typicalPrice * factor, model.decimals);
  }
  return sampleNormalUnits(model, rng, day);
}

/**
 * A grossly abnormal price for this item. Tight items: 3x-10x (or 1/3-1/10) the reference price.
 * Dispersed items: 3x-10x beyond their own range, since 3x their median can be an ordinary order.
 */
export function sampleAnomaly(model: ItemModel, rng: Rng, reference: number = model.typicalPrice): Anomaly {
  const direction: AnomalyDirection = rng.chance(0.5) ? 'high' : 'low';
  const factor = rng.between(3, 10);
  const price =
    model.kind === 'dispersed'
      ? direction === 'high'
        ? model.normalHigh * factor
        : model.normalLow / factor
      : direction === 'high'
        ? reference * factor
        : reference / factor;
  return { units: toPriceUnits(price, price < 1 ? 4 : model.decimals), direction };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
