/** Robust facts about an item's prices, in log space because prices vary multiplicatively. */
export interface PriceProfile {
  count: number;
  min: number;
  max: number;
  median: number;
  logMedian: number;
  /** Log-prices at `tailShare` and `1 - tailShare`. */
  logLowTail: number;
  logHighTail: number;
  constant: boolean;
  /** Every distinct price, ascending: how far a new price is from anything already seen. */
  distinct: Float64Array;
}

export function profilePrices(prices: readonly number[], tailShare: number): PriceProfile {
  const sorted = Float64Array.from(prices).sort();
  const logQuantile = (q: number) => Math.log(quantile(sorted, q));
  const median = quantile(sorted, 0.5);
  return {
    count: sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    median,
    logMedian: Math.log(median),
    logLowTail: logQuantile(tailShare),
    logHighTail: logQuantile(1 - tailShare),
    constant: sorted[0] === sorted[sorted.length - 1],
    distinct: sorted.filter((value, index) => index === 0 || value !== sorted[index - 1]),
  };
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
