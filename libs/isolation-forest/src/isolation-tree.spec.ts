import { describe, expect, it } from '@jest/globals';
import { mersenne } from 'pure-rand/generator/mersenne';
import { growIsolationTree, heightLimit } from './isolation-tree.js';
import { leavesOf, treeBreach } from './testing/tree-shape.js';

describe('growIsolationTree', () => {
  it('limits the height to ceil(log2(sample size))', () => {
    expect([1, 2, 3, 256, 257].map(heightLimit)).toEqual([1, 1, 2, 8, 9]);
    const sample = Float64Array.from({ length: 256 }, (_, index) => index);
    const tree = growIsolationTree(sample, mersenne(3));
    expect(Math.max(...leavesOf(tree, sample).map((leaf) => leaf.depth))).toBeLessThanOrEqual(8);
    expect(treeBreach(tree, sample, 8)).toBeNull();
  });

  it('keeps every sample point in exactly one leaf, duplicates included', () => {
    const sample = Float64Array.from([1, 1, 1, 2, 2, 3, 5, 8, 13, 13]);
    const tree = growIsolationTree(sample, mersenne(5));
    expect(leavesOf(tree, sample).reduce((sum, leaf) => sum + leaf.size, 0)).toBe(sample.length);
    expect(treeBreach(tree, sample, heightLimit(sample.length))).toBeNull();
  });

  it('never splits equal values: a run of duplicates ends in one leaf', () => {
    const sample = Float64Array.from([7, 7, 7, 7]);
    const tree = growIsolationTree(sample, mersenne(1));
    expect(tree.thresholds).toEqual([]);
    expect(leavesOf(tree, sample)).toEqual([{ depth: 0, size: 4, pathLength: expect.any(Number) }]);
  });

  it('sends values equal to a threshold left and keeps thresholds inside the node range', () => {
    const sample = Float64Array.from([1, 2]);
    const tree = growIsolationTree(sample, mersenne(9));
    expect(tree.thresholds).toHaveLength(1);
    expect(tree.thresholds[0]).toBeGreaterThanOrEqual(1);
    expect(tree.thresholds[0]).toBeLessThan(2);
    expect(leavesOf(tree, sample).map(({ depth, size }) => ({ depth, size }))).toEqual([{ depth: 1, size: 1 }, { depth: 1, size: 1 }]);
  });
});
