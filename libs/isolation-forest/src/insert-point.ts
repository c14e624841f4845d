import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { averagePathLength } from './average-path-length.js';
import { drawThreshold, firstGreater, growLeaves, leafDepth, type IsolationTree } from './isolation-tree.js';

/**
 * Turns a tree grown over the whole of `history` (ascending) into one distributed exactly as a
 * tree grown afresh over `history` plus `value`, in place, at O(depth) cost. At each node on the
 * value's way down, a fresh split of the grown node range is drawn: where it falls inside the old
 * range it is distributed like the split already there, which is kept; where it falls in the gap
 * between the old range and the value, the value is cut off at that node and the old subtree
 * moves one level down. `limit` is the height limit for the grown sample.
 */
export function insertPoint(tree: IsolationTree, history: Float64Array, value: number, limit: number, rng: RandomGenerator): void {
  // The node on the value's way down: its leaves first..last and its slice start..end of the history.
  let first = 0;
  let last = tree.pathLengths.length - 1;
  let start = 0;
  let end = history.length;
  for (let depth = 0; ; depth++) {
    if (first === last) return insertIntoLeaf(tree, first, depth, limit, history, start, end, value, rng);
    const min = history[start];
    const max = history[end - 1];
    if (value > max) {
      const cut = drawThreshold(min, value, rng);
      if (cut >= max) return cutOff(tree, first, last, depth, limit, history, cut, 'right');
    } else if (value < min) {
      const cut = drawThreshold(value, max, rng);
      if (cut < min) return cutOff(tree, first, last, depth, limit, history, cut, 'left');
    }
    const split = splitOf(tree, first, last, depth);
    const threshold = tree.thresholds[split];
    const middle = firstGreater(history, start, end, threshold);
    if (value <= threshold) {
      last = split;
      end = middle;
    } else {
      first = split + 1;
      start = middle;
    }
  }
}

/**
 * The reverse of `insertPoint`: a tree grown over a sample that held `value` once more than
 * `reduced` (ascending) becomes one distributed exactly as a tree grown afresh over `reduced`.
 * A split that left the value alone on one side was uniform over a range that no longer exists:
 * the node becomes its other side, one level up. Any other split is uniform over what remains.
 */
export function removePoint(tree: IsolationTree, reduced: Float64Array, value: number, limit: number, rng: RandomGenerator): void {
  let first = 0;
  let last = tree.pathLengths.length - 1;
  let start = 0;
  let end = reduced.length;
  for (let depth = 0; ; depth++) {
    if (first === last) {
      tree.pathLengths[first] = depth + averagePathLength(end - start);
      return;
    }
    const split = splitOf(tree, first, last, depth);
    const threshold = tree.thresholds[split];
    const middle = firstGreater(reduced, start, end, threshold);
    if (value <= threshold) {
      if (middle === start) return lift(tree, first, last, split, 'right', limit, reduced, rng);
      last = split;
      end = middle;
    } else {
      if (middle === end) return lift(tree, first, last, split, 'left', limit, reduced, rng);
      first = split + 1;
      start = middle;
    }
  }
}

/** The node of leaves first..last loses its split and its lone leaf on the other side: `side` moves up one level. */
function lift(tree: IsolationTree, first: number, last: number, split: number, side: 'left' | 'right', limit: number, reduced: Float64Array, rng: RandomGenerator): void {
  tree.thresholds.splice(split, 1);
  tree.splitDepths.splice(split, 1);
  tree.pathLengths.splice(side === 'right' ? split : last, 1);
  const [from, to] = side === 'right' ? [first, last - 1] : [first, split];
  for (let leaf = from; leaf <= to; leaf++) tree.pathLengths[leaf] -= 1;
  for (let at = from; at < to; at++) tree.splitDepths[at] -= 1;
  // Leaves that stood at the height limit now stand above it: grown on as a fresh tree would be.
  for (let leaf = to; leaf >= from; leaf--) {
    if (leafDepth(tree, leaf) !== limit - 1) continue;
    const [start, end] = leafSlice(tree, reduced, leaf);
    if (end - start >= 2 && reduced[start] !== reduced[end - 1]) replaceLeaf(tree, leaf, reduced, start, end, limit - 1, limit, rng);
  }
}

/**
 * Grows the leaves at `limit - 1` one level further (the sample grew past a power of two, so the
 * height limit rose by one), as a fresh tree over `history` would have them.
 */
export function deepen(tree: IsolationTree, history: Float64Array, oldLimit: number, rng: RandomGenerator): void {
  for (let leaf = tree.pathLengths.length - 1; leaf >= 0; leaf--) {
    if (leafDepth(tree, leaf) !== oldLimit) continue;
    const [start, end] = leafSlice(tree, history, leaf);
    if (end - start < 2 || history[start] === history[end - 1]) continue;
    replaceLeaf(tree, leaf, history, start, end, oldLimit, oldLimit + 1, rng);
  }
}

function insertIntoLeaf(tree: IsolationTree, leaf: number, depth: number, limit: number, history: Float64Array, start: number, end: number, value: number, rng: RandomGenerator): void {
  const size = end - start;
  // Below the height limit a leaf holds one value (once or repeated); a different value splits it.
  if (depth >= limit || history[start] === value) {
    tree.pathLengths[leaf] = depth + averagePathLength(size + 1);
    return;
  }
  const threshold = drawThreshold(Math.min(value, history[start]), Math.max(value, history[start]), rng);
  const [leftSize, rightSize] = value < history[start] ? [1, size] : [size, 1];
  tree.pathLengths.splice(leaf, 1, depth + 1 + averagePathLength(leftSize), depth + 1 + averagePathLength(rightSize));
  tree.thresholds.splice(leaf, 0, threshold);
  tree.splitDepths.splice(leaf, 0, depth);
}

/** The node of leaves first..last gets a new parent at `depth`, which separates the value, alone in a new leaf, on `side`. */
function cutOff(tree: IsolationTree, first: number, last: number, depth: number, limit: number, history: Float64Array, threshold: number, side: 'left' | 'right'): void {
  for (let leaf = first; leaf <= last; leaf++) tree.pathLengths[leaf] += 1;
  for (let split = first; split < last; split++) tree.splitDepths[split] += 1;
  const at = side === 'right' ? last : first;
  tree.thresholds.splice(at, 0, threshold);
  tree.splitDepths.splice(at, 0, depth);
  tree.pathLengths.splice(side === 'right' ? last + 1 : first, 0, depth + 1);
  const [from, to] = side === 'right' ? [first, last] : [first + 1, last + 1];
  // Nodes pushed down onto the height limit become leaves of all their points, as a fresh tree would end there.
  for (let split = to - 1; split >= from; split--) {
    if (tree.splitDepths[split] < limit) continue;
    tree.thresholds.splice(split, 1);
    tree.splitDepths.splice(split, 1);
    tree.pathLengths.splice(split, 1);
    const [start, end] = leafSlice(tree, history, split);
    tree.pathLengths[split] = limit + averagePathLength(end - start);
  }
}

/** The split node of the node holding leaves first..last at `depth`: the one threshold among them at that depth. */
function splitOf(tree: IsolationTree, first: number, last: number, depth: number): number {
  for (let split = first; split < last; split++) if (tree.splitDepths[split] === depth) return split;
  throw new Error(`isolation tree is inconsistent: no split at depth ${depth} in leaves ${first}..${last}`);
}

/** The slice of `history` in a leaf's value interval. */
function leafSlice(tree: IsolationTree, history: Float64Array, leaf: number): [number, number] {
  const start = leaf > 0 ? firstGreater(history, 0, history.length, tree.thresholds[leaf - 1]) : 0;
  const end = leaf < tree.thresholds.length ? firstGreater(history, start, history.length, tree.thresholds[leaf]) : history.length;
  return [start, end];
}

function replaceLeaf(tree: IsolationTree, leaf: number, history: Float64Array, start: number, end: number, depth: number, limit: number, rng: RandomGenerator): void {
  const subtree: IsolationTree = { thresholds: [], splitDepths: [], pathLengths: [] };
  growLeaves(subtree, history, start, end, depth, limit, rng);
  tree.pathLengths.splice(leaf, 1, ...subtree.pathLengths);
  tree.thresholds.splice(leaf, 0, ...subtree.thresholds);
  tree.splitDepths.splice(leaf, 0, ...subtree.splitDepths);
}
