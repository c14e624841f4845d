import { Rng } from '#csv-generator';

/** The shapes of price history of DETECTION v2: what pricing teams' items really look like. */
export const SHAPES = ['sticky', 'tight', 'drift', 're-priced', 'tiers', 'dispersed'] as const;
export type Shape = (typeof SHAPES)[number];

/** One item of one shape: its orders over time, and what counts as normal for it. */
export interface ShapedItem {
  shape: Shape;
  /** Order prices in time order (oldest first), 4 decimals, some gross errors included. */
  prices: number[];
  /** The lowest and highest price levels the item really trades at (noise not included). */
  lowestLevel: number;
  highestLevel: number;
  /** Log-space noise around a level (for dispersed: its whole spread). */
  sigma: number;
  /** A price drawn the way the item trades now (current level, its promotions, its tiers). */
  drawNormal(rng: Rng): number;
  /** Tiers only: the middle of the gap between the unit and the pack price, where the item never trades. */
  gapPrice?: number;
}

const PERIOD_DAYS = 180;
const round4 = (price: number) => Math.max(0.0001, Math.round(price * 10_000) / 10_000);
const lognormal = (rng: Rng, level: number, sigma: number) => level * Math.exp(sigma * rng.normal());

/** A level at which the item is priced, anywhere from cents to thousands. */
const drawLevel = (rng: Rng) => Math.exp(rng.between(Math.log(2), Math.log(5000)));

/** Builds one item of `shape` with `size` orders; `rng` decides everything. */
export function shapedItem(shape: Shape, size: number, rng: Rng): ShapedItem {
  const level = drawLevel(rng);
  const days = Array.from({ length: size }, () => rng.between(0, PERIOD_DAYS)).sort((a, b) => a - b);
  const item = SHAPE_BUILDERS[shape](rng, level);
  return {
    shape,
    prices: days.map((day) => round4(item.priceAt(rng, day / PERIOD_DAYS))),
    lowestLevel: item.lowestLevel,
    highestLevel: item.highestLevel,
    sigma: item.sigma,
    drawNormal: (queryRng) => round4(item.priceAt(queryRng, 1)),
    gapPrice: item.gapPrice,
  };
}

interface ShapeModel {
  lowestLevel: number;
  highestLevel: number;
  sigma: number;
  /** A price at time t (0 = first day, 1 = now). */
  priceAt(rng: Rng, t: number): number;
  gapPrice?: number;
}

const SHAPE_BUILDERS: Record<Shape, (rng: Rng, level: number) => ShapeModel> = {
  // A regular price most days, 1-3 promotion levels 5-30% below it, rare coupon variants +-3%.
  sticky(rng, regular) {
    const promos = Array.from({ length: rng.int(1, 3) }, () => regular * (1 - rng.between(0.05, 0.3)));
    const promoShare = rng.between(0.1, 0.35);
    const couponShare = rng.between(0, 0.05);
    return {
      lowestLevel: Math.min(...promos) * 0.97,
      highestLevel: regular * 1.03,
      sigma: 0.01,
      priceAt(r) {
        const base = r.chance(promoShare) ? r.pick(promos) : regular;
        return r.chance(couponShare) ? base * (1 + r.between(-0.03, 0.03)) : base;
      },
    };
  },
  // Lognormal noise around one level.
  tight(rng, level) {
    const sigma = rng.between(0.03, 0.15);
    return { lowestLevel: level, highestLevel: level, sigma, priceAt: (r) => lognormal(r, level, sigma) };
  },
  // A slow drift of up to +-20% over the period, with noise.
  drift(rng, level) {
    const drift = rng.between(-0.2, 0.2);
    const sigma = rng.between(0.02, 0.08);
    const at = (t: number) => level * Math.exp(Math.log(1 + drift) * t);
    return { lowestLevel: Math.min(at(0), at(1)), highestLevel: Math.max(at(0), at(1)), sigma, priceAt: (r, t) => lognormal(r, at(t), sigma) };
  },
  // One step of +-25-60% at 50-80% of the period; the new level is normal now, the old one was.
  're-priced'(rng, level) {
    const step = rng.between(1.25, 1.6) ** (rng.chance(0.5) ? 1 : -1);
    const at = rng.between(0.5, 0.8);
    const sigma = rng.between(0.02, 0.08);
    return {
      lowestLevel: Math.min(level, level * step),
      highestLevel: Math.max(level, level * step),
      sigma,
      priceAt: (r, t) => lognormal(r, t >= at ? level * step : level, sigma),
    };
  },
  // Two levels: a single unit and a pack 1.8-3x its price, the pack 10-50% of orders.
  tiers(rng, level) {
    const pack = level * rng.between(1.8, 3);
    const packShare = rng.between(0.1, 0.5);
    const sigma = rng.between(0.02, 0.08);
    return {
      lowestLevel: level, highestLevel: pack, sigma, gapPrice: Math.sqrt(level * pack),
      priceAt: (r) => lognormal(r, r.chance(packShare) ? pack : level, sigma),
    };
  },
  // Prices all over the place: lognormal with sigma 0.6-1.0 (spanning 10x and more).
  dispersed(rng, level) {
    const sigma = rng.between(0.6, 1.0);
    return { lowestLevel: level, highestLevel: level, sigma, priceAt: (r) => lognormal(r, level, sigma) };
  },
};
