/**
 * The named constants of the decision policy. Chosen with the evaluation harness
 * (`npm run eval`, evaluation/README.md) on its calibration seed, checked on held-out seeds;
 * change them only with it.
 */
export interface DetectionPolicy {
  /** Forest shape: scikit-learn's defaults, and a fixed seed so verdicts are reproducible. */
  trees: number;
  sampleSize: number;
  seed: number;
  /** Below this many prices a forest has nothing to learn from: the band alone decides. */
  minHistory: number;
  /**
   * Gross errors already in the history must not widen what is normal: a price further than
   * this (log) distance, or `trimNoises` times the item's noise, beyond its inner 10%-90% range is
   * left out of the levels (it still counts for the forest, and the item's report flags it).
   */
  trimReach: number;
  trimNoises: number;
  /** The item's lowest and highest levels: these quantiles of its (trimmed) log-prices. */
  levelQuantile: number;
  /**
   * Quantile of |change between consecutive orders| (log) that measures the item's noise: below
   * the median, so items that switch between two tiers on many orders still show their noise.
   */
  noiseQuantile: number;
  /** The band reaches this many noise sigmas beyond the lowest and highest levels... */
  noiseMultiplier: number;
  /** ...and at least this far (log) either way: promotions, coupons and re-pricings of a sticky item. */
  minMargin: number;
  /** The default sensitivity (0..100): the calibrated operating point. */
  sensitivity: number;
  /** Each `sensitivityHalving` points of sensitivity above the default halve the margins (below it, double them). */
  sensitivityHalving: number;
  /** Inside the band, a forest score at or above this flags an isolated price (e.g. in a gap between tiers)... */
  scoreThreshold: number;
  /** ...lowered by this much at sensitivity 100 (raised as much at 0), in proportion. */
  scoreThresholdSwing: number;
  /** ...but only when the price is also at least this far (log) from every price the item has traded at. */
  minIsolationGap: number;
  /** `expected` is the median of the item's most recent orders: this share of them, at least `recentMin`. */
  recentShare: number;
  recentMin: number;
}

export const DEFAULT_DETECTION_POLICY: Readonly<DetectionPolicy> = Object.freeze({
  trees: 100,
  sampleSize: 256,
  seed: 42,
  minHistory: 5,
  trimReach: Math.log(3),
  trimNoises: 4,
  levelQuantile: 0.02,
  noiseQuantile: 0.25,
  noiseMultiplier: 2.0,
  minMargin: Math.log(1.25),
  sensitivity: 50,
  sensitivityHalving: 25,
  scoreThreshold: 0.75,
  scoreThresholdSwing: 0.15,
  minIsolationGap: Math.log(1.25),
  recentShare: 0.1,
  recentMin: 5,
});
