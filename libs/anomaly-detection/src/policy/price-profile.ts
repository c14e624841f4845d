import type { DetectionPolicy } from './detection-policy.js';

/**
 * Robust facts about an item's prices, in log space because prices vary multiplicatively:
 * the levels it really trades at, its noise, and what it costs now.
 */
export interface PriceProfile {
  count: number;
  constant: boolean;
  /** Log of the lowest and highest levels (quantiles of the prices, gross errors left out). */
  logLowLevel: number;
  logHighLevel: number;
  /** Sigma of the item's short-term noise (log), from changes between consecutive orders. */
  noise: number;
  /** The item's typical price now: the median of its most recent orders. */
  expected: number;
  /** Every distinct price, ascending: how far a new price is from anything already seen. */
  distinct: Float64Array;
}

/** |log change| quantile -> sigma of a normal noise: |N(0, 2 sigma^2)| has quantile p at sqrt(2) sigma Phi^-1((1+p)/2). */
const HALF_NORMAL_Z: Record<number, number> = { 0.25: 0.3186, 0.3: 0.3853, 0.4: 0.5244, 0.5: 0.6745 };

/** The interquartile range of a normal distribution, in sigmas. */
const IQR_PER_SIGMA = 1.349;

/**
 * `prices`: the whole history, in any order; `recent`: the latest orders in time order, oldest
 * first (the noise is measured between consecutive orders, the expected price from the last ones).
 */
export function profilePrices(prices: readonly number[], recent: readonly number[], policy: DetectionPolicy): PriceProfile {
  const ascending = ascendingCopy(prices);
  const sorted = ascending.map(Math.log);
  // Changes between orders see through levels (tiers, promotions, a re-pricing); the spread of all
  // prices is the sharper measure when there is one level: the smaller of the two is the noise.
  const noise = Math.min(consecutiveNoise(Float64Array.from(recent, Math.log), policy.noiseQuantile), (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / IQR_PER_SIGMA);
  const reach = Math.max(policy.trimReach, policy.trimNoises * noise);
  const [fenceLow, fenceHigh] = [quantile(sorted, 0.1) - reach, quantile(sorted, 0.9) + reach];
  const kept = sorted.filter((value) => value >= fenceLow && value <= fenceHigh);
  const latest = Float64Array.from(recent.slice(-Math.max(policy.recentMin, Math.ceil(policy.recentShare * prices.length)))).sort();
  return {
    count: prices.length,
    constant: sorted[0] === sorted[sorted.length - 1],
    logLowLevel: quantile(kept, policy.levelQuantile),
    logHighLevel: quantile(kept, 1 - policy.levelQuantile),
    noise,
    expected: quantile(latest, 0.5),
    distinct: ascending.filter((value, index) => index === 0 || value !== ascending[index - 1]),
  };
}

/**
 * Noise sigma from |log change| between consecutive orders: within a level that is the noise
 * alone, whatever the spread of levels (tiers, promotions, a re-pricing); a quantile below the
 * median is blind to the few changes that gross errors make.
 */
function consecutiveNoise(logs: Float64Array, q: number): number {
  if (logs.length < 2) return 0;
  const changes = new Float64Array(logs.length - 1);
  for (let i = 1; i < logs.length; i++) changes[i - 1] = Math.abs(logs[i] - logs[i - 1]);
  changes.sort();
  const z = HALF_NORMAL_Z[q];
  if (z === undefined) throw new Error(`noiseQuantile must be one of ${Object.keys(HALF_NORMAL_Z).join(', ')}`);
  return quantile(changes, q) / (Math.SQRT2 * z);
}

/** The prices ascending; the database already sends them so (grouped by value): then no sort. */
function ascendingCopy(prices: readonly number[]): Float64Array {
  const copy = Float64Array.from(prices);
  for (let i = 1; i < copy.length; i++) if (copy[i] < copy[i - 1]) return copy.sort();
  return copy;
}

/** |log(price / nearest seen price)|: 0 for a price already seen. */
export function logGapToNearest(profile: PriceProfile, price: number): number {
  const { distinct } = profile;
  let low = 0;
  let high = distinct.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (distinct[middle] < price) low = middle + 1;
    else high = middle;
  }
  const above = distinct[low];
  const below = low > 0 ? distinct[low - 1] : above;
  return Math.min(Math.abs(Math.log(price / above)), Math.abs(Math.log(price / below)));
}

/** Linear interpolation between closest ranks (numpy's default) on ascending values. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
