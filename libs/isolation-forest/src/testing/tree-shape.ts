import { averagePathLength } from '../average-path-length.js';
import { firstGreater, leafDepth, type IsolationTree } from '../isolation-tree.js';

export interface TreeLeaf {
  depth: number;
  size: number;
  pathLength: number;
}

/** The leaves of a tree with their depth and how many sample points reach them. */
export function leavesOf(tree: IsolationTree, sortedSample: Float64Array): TreeLeaf[] {
  return tree.pathLengths.map((pathLength, leaf) => {
    const start = leaf > 0 ? firstGreater(sortedSample, 0, sortedSample.length, tree.thresholds[leaf - 1]) : 0;
    const end = leaf < tree.thresholds.length ? firstGreater(sortedSample, 0, sortedSample.length, tree.thresholds[leaf]) : sortedSample.length;
    return { depth: leafDepth(tree, leaf), size: end - start, pathLength };
  });
}

/**
 * What a grown isolation tree must be, whatever way it was grown: every node's split lies within
 * the node's values (so both sides hold some), nodes split until the height limit or until their
 * values are all equal, and every leaf's path length is its depth plus c(its size). Returns the
 * first breach found, or null.
 */
export function treeBreach(tree: IsolationTree, sortedSample: Float64Array, limit: number): string | null {
  const { thresholds, splitDepths, pathLengths } = tree;
  if (thresholds.length !== splitDepths.length || pathLengths.length !== thresholds.length + 1) return 'array lengths disagree';
  for (let i = 1; i < thresholds.length; i++) if (!(thresholds[i] > thresholds[i - 1])) return `thresholds not ascending at ${i}`;
  const visit = (first: number, last: number, depth: number, start: number, end: number): string | null => {
    const [min, max] = [sortedSample[start], sortedSample[end - 1]];
    if (end - start < 1) return `empty node at depth ${depth}`;
    if (first === last) {
      if (depth < limit && end - start > 1 && min !== max) return `leaf ${first} at depth ${depth} < ${limit} holds different values`;
      const expected = depth + averagePathLength(end - start);
      return Math.abs(pathLengths[first] - expected) > 1e-9 ? `leaf ${first}: path length ${pathLengths[first]}, expected ${expected}` : null;
    }
    if (depth >= limit) return `split below the height limit at depth ${depth}`;
    const inside = splitDepths.slice(first, last);
    if (inside.filter((d) => d === depth).length !== 1 || inside.some((d) => d < depth)) return `not one split at depth ${depth} in leaves ${first}..${last}`;
    const split = first + inside.indexOf(depth);
    const threshold = thresholds[split];
    if (!(threshold >= min && threshold < max)) return `split ${threshold} outside [${min}, ${max}) at depth ${depth}`;
    const middle = firstGreater(sortedSample, start, end, threshold);
    return visit(first, split, depth + 1, start, middle) ?? visit(split + 1, last, depth + 1, middle, end);
  };
  return visit(0, pathLengths.length - 1, 0, 0, sortedSample.length);
}
