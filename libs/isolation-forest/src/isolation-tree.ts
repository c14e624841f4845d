import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Values `<= threshold` go left, as in scikit-learn. */
export interface SplitNode {
  readonly kind: 'split';
  readonly threshold: number;
  readonly left: IsolationTreeNode;
  readonly right: IsolationTreeNode;
}

export interface LeafNode {
  readonly kind: 'leaf';
  readonly depth: number;
  /** Sample points that reached this leaf (duplicates counted). */
  readonly size: number;
}

export type IsolationTreeNode = SplitNode | LeafNode;

/** scikit-learn's max_depth for an isolation tree. */
export function heightLimit(sampleSize: number): number {
  return Math.ceil(Math.log2(Math.max(sampleSize, 2)));
}

/** Grows one isolation tree over an ascending sample; every node owns a contiguous slice of it. */
export function growIsolationTree(sortedSample: Float64Array, rng: RandomGenerator): IsolationTreeNode {
  return grow(sortedSample, 0, sortedSample.length, 0, heightLimit(sortedSample.length), rng);
}

function grow(sorted: Float64Array, start: number, end: number, depth: number, limit: number, rng: RandomGenerator): IsolationTreeNode {
  const min = sorted[start];
  const max = sorted[end - 1];
  // All-equal values cannot be split: a leaf, like scikit-learn's constant-feature case.
  if (depth >= limit || end - start < 2 || min === max) return { kind: 'leaf', depth, size: end - start };
  let threshold = min + uniformFloat64(rng) * (max - min);
  // Rounding can land on max, which would leave the right child empty; scikit-learn falls back to min.
  if (threshold >= max) threshold = min;
  const middle = firstGreater(sorted, start, end, threshold);
  return {
    kind: 'split',
    threshold,
    left: grow(sorted, start, middle, depth + 1, limit, rng),
    right: grow(sorted, middle, end, depth + 1, limit, rng),
  };
}

function firstGreater(sorted: Float64Array, start: number, end: number, threshold: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= threshold) low = middle + 1;
    else high = middle;
  }
  return low;
}
