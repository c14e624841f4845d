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
  /** Every price, ascending: how far a new price is from anything already seen, and the order statistics above. */
  sorted: Float64Array;
}

/** |log change| quantile -> sigma of a normal noise: |N(0, 2 sigma^2)| has quantile p at sqrt(2) sigma Phi^-1((1+p)/2). */
const HALF_NORMAL_Z: Record<number, number> = { 0.25: 0.3186, 0.3: 0.3853, 0.4: 0.5244, 0.5: 0.6745 };

/** The interquartile range of a normal distribution, in sigmas. */
const IQR_PER_SIGMA = 1.349;

/**
 * `sorted`: the whole history, ascending; `recent`: the latest orders in time order, oldest first
 * (the noise is measured between consecutive orders, the expected price from the last ones).
 * Reads only a few order statistics of `sorted`, so a model grown by new prices recomputes it
 * at once, and exactly as a model trained on the grown history would.
 */
export function profilePrices(sorted: Float64Array, recent: Float64Array, policy: DetectionPolicy): PriceProfile {
  const count = sorted.length;
  // Changes between orders see through levels (tiers, promotions, a re-pricing); the spread of all
  // prices is the sharper measure when there is one level: the smaller of the two is the noise.
  const noise = Math.min(consecutiveNoise(Float64Array.from(recent, Math.log), policy.noiseQuantile), (logQuantile(sorted, 0, count, 0.75) - logQuantile(sorted, 0, count, 0.25)) / IQR_PER_SIGMA);
  const reach = Math.max(policy.trimReach, policy.trimNoises * noise);
  const [fenceLow, fenceHigh] = [logQuantile(sorted, 0, count, 0.1) - reach, logQuantile(sorted, 0, count, 0.9) + reach];
  const keptStart = firstLogAbove(sorted, (value) => value >= fenceLow);
  const keptEnd = firstLogAbove(sorted, (value) => value > fenceHigh);
  const latest = recent.slice(-Math.max(policy.recentMin, Math.ceil(policy.recentShare * count))).sort();
  return {
    count,
    constant: Math.log(sorted[0]) === Math.log(sorted[count - 1]),
    logLowLevel: logQuantile(sorted, keptStart, keptEnd, policy.levelQuantile),
    logHighLevel: logQuantile(sorted, keptStart, keptEnd, 1 - policy.levelQuantile),
    noise,
    expected: quantile(latest, 0.5),
    sorted,
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
export function ascendingCopy(prices: readonly number[]): Float64Array {
  const copy = Float64Array.from(prices);
  for (let i = 1; i < copy.length; i++) if (copy[i] < copy[i - 1]) return copy.sort();
  return copy;
}

/** The first index whose log-price passes `test` (a test that, once passed, stays passed for higher prices). */
function firstLogAbove(sorted: Float64Array, test: (logPrice: number) => boolean): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(Math.log(sorted[middle]))) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** `quantile` of the logs of sorted[from, to), taking only the two logs it needs. */
function logQuantile(sorted: Float64Array, from: number, to: number, q: number): number {
  const position = (to - from - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, to - from - 1);
  const [low, high] = [Math.log(sorted[from + below]), Math.log(sorted[from + above])];
  return low + (high - low) * (position - below);
}

/** |log(price / nearest seen price)|: 0 for a price already seen. */
export function logGapToNearest(profile: PriceProfile, price: number): number {
  const { sorted } = profile;
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < price) low = middle + 1;
    else high = middle;
  }
  const above = sorted[low];
  const below = low > 0 ? sorted[low - 1] : above;
  return Math.min(Math.abs(Math.log(price / above)), Math.abs(Math.log(price / below)));
}

/** Linear interpolation between closest ranks (numpy's default) on ascending values. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
