/**
 * The named constants of the decision policy. Chosen with the evaluation harness
 * (`npm run eval`, evaluation/README.md), not tuned to single examples; change them only with it.
 */
export interface DetectionPolicy {
  /** Forest shape: scikit-learn's defaults, and a fixed seed so verdicts are reproducible. */
  trees: number;
  sampleSize: number;
  seed: number;
  /** Below this many prices a forest has nothing to learn from: the band alone decides. */
  minHistory: number;
  /**
   * Share of prices at each end ignored when measuring an item's spread, so a few outliers
   * already in the history do not widen what counts as normal.
   */
  tailShare: number;
  /**
   * The band of normal prices spans at least this factor either side of the median: a tight or
   * sticky item's regular price times 2.5 (or divided by 2.5) is still plausible, times 3 is not.
   */
  minBandFactor: number;
  /**
   * For items with a real spread, the band reaches this many times the spread (in log space)
   * beyond the median on each side; for dispersed items this dominates the minimum factor.
   */
  spreadMultiplier: number;
  /** Inside the band, a forest score at or above this flags an isolated price (e.g. in a gap). */
  scoreThreshold: number;
  /**
   * ...but only when the price is also at least this far (relative, in log space) from every
   * price the item has traded at. On one feature a forest calls any off-cluster value isolated,
   * and for a sticky item an ordinary 15% promotion is off-cluster; a price in a real gap is not.
   */
  minIsolationGap: number;
}

export const DEFAULT_DETECTION_POLICY: Readonly<DetectionPolicy> = Object.freeze({
  trees: 100,
  sampleSize: 256,
  seed: 42,
  minHistory: 5,
  tailShare: 0.05,
  minBandFactor: 2.5,
  spreadMultiplier: 2,
  scoreThreshold: 0.75,
  minIsolationGap: Math.log(1.25),
});
