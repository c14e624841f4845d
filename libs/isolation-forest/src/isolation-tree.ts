import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { averagePathLength } from './average-path-length.js';

/**
 * An isolation tree over one feature, kept as its leaves in ascending order of value: leaf i
 * holds the values in (thresholds[i - 1], thresholds[i]]. For one feature that is the whole tree
 * (the split between two neighbouring leaves is the deeper of their two thresholds' nodes), and
 * scoring is one binary search. Values equal to a threshold go left, as in scikit-learn.
 */
export interface IsolationTree {
  /** Ascending; one per split node. */
  readonly thresholds: number[];
  /** The depth of the split node each threshold belongs to. */
  readonly splitDepths: number[];
  /** Per leaf: its depth plus c(its sample points), what a value reaching it adds to the path length. */
  readonly pathLengths: number[];
}

/** scikit-learn's max_depth for an isolation tree. */
export function heightLimit(sampleSize: number): number {
  return Math.ceil(Math.log2(Math.max(sampleSize, 2)));
}

/** Grows one isolation tree over an ascending sample. */
export function growIsolationTree(sortedSample: Float64Array, rng: RandomGenerator): IsolationTree {
  const tree: IsolationTree = { thresholds: [], splitDepths: [], pathLengths: [] };
  growLeaves(tree, sortedSample, 0, sortedSample.length, 0, heightLimit(sortedSample.length), rng);
  return tree;
}

/**
 * Appends, in ascending order, the leaves of the subtree grown at `depth` over sorted[start, end):
 * every node owns a contiguous slice of the sample.
 */
export function growLeaves(tree: IsolationTree, sorted: Float64Array, start: number, end: number, depth: number, limit: number, rng: RandomGenerator): void {
  const min = sorted[start];
  const max = sorted[end - 1];
  // All-equal values cannot be split: a leaf, like scikit-learn's constant-feature case.
  if (depth >= limit || end - start < 2 || min === max) {
    tree.pathLengths.push(depth + averagePathLength(end - start));
    return;
  }
  const threshold = drawThreshold(min, max, rng);
  const middle = firstGreater(sorted, start, end, threshold);
  growLeaves(tree, sorted, start, middle, depth + 1, limit, rng);
  tree.thresholds.push(threshold);
  tree.splitDepths.push(depth);
  growLeaves(tree, sorted, middle, end, depth + 1, limit, rng);
}

/** Uniform in [min, max); rounding can land on max, which would leave the right side empty: scikit-learn falls back to min. */
export function drawThreshold(min: number, max: number, rng: RandomGenerator): number {
  const threshold = min + uniformFloat64(rng) * (max - min);
  return threshold >= max ? min : threshold;
}

/** The depth of leaf i: one below the deeper of the two split nodes beside it. */
export function leafDepth(tree: IsolationTree, leaf: number): number {
  const left = leaf > 0 ? tree.splitDepths[leaf - 1] : -1;
  const right = leaf < tree.splitDepths.length ? tree.splitDepths[leaf] : -1;
  return Math.max(left, right) + 1;
}

/** The leaf a value reaches: the first leaf whose upper threshold is >= the value. */
export function leafOf(thresholds: readonly number[], value: number): number {
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (thresholds[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first value of sorted[start, end) greater than `threshold` (or `end`). */
export function firstGreater(sorted: Float64Array, start: number, end: number, threshold: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= threshold) low = middle + 1;
    else high = middle;
  }
  return low;
}
