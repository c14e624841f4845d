import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

/** Deterministic price series for specs, rounded to cents like real prices. */
export function noisyPrices(count: number, median: number, relativeSpread: number, seed = 1): number[] {
  const rng = mersenne(seed);
  return Array.from({ length: count }, () => {
    const offset = (uniformFloat64(rng) + uniformFloat64(rng) + uniformFloat64(rng) - 1.5) * 2 * relativeSpread;
    return Math.round(median * (1 + offset) * 100) / 100;
  });
}

/** A regular price with a few promo levels, interleaved. */
export function stickyPrices(regular: number, regularCount: number, promos: readonly (readonly [price: number, times: number])[]): number[] {
  const prices = Array.from({ length: regularCount }, () => regular);
  promos.forEach(([price, times], level) => {
    for (let k = 0; k < times; k++) prices.splice((k * 7 + level * 3) % prices.length, 0, price);
  });
  return prices;
}

export function uniformPoints(count: number, low: number, high: number, seed = 7): number[] {
  const rng = mersenne(seed);
  return Array.from({ length: count }, () => low + uniformFloat64(rng) * (high - low));
}
