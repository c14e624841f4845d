const EULER_GAMMA = 0.5772156649015329;

/**
 * c(n): average path length of an unsuccessful search in a binary search tree of n points,
 * exactly as scikit-learn's `_average_path_length` (H(i) approximated by ln(i) + gamma).
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

/**
 * 2^(-E[h] / c(sampleSize)). As in scikit-learn, a sample of one point (c = 0) counts as a
 * normalised path length of 1, so every value scores 0.5.
 */
export function anomalyScore(meanPathLength: number, sampleSize: number): number {
  const normaliser = averagePathLength(sampleSize);
  const normalised = normaliser === 0 ? 1 : meanPathLength / normaliser;
  return Math.pow(2, -normalised);
}
