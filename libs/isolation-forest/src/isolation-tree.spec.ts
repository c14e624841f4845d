import { describe, expect, it } from '@jest/globals';
import { mersenne } from 'pure-rand/generator/mersenne';
import { growIsolationTree, heightLimit, type IsolationTreeNode } from './isolation-tree.js';

function leaves(node: IsolationTreeNode): { depth: number; size: number }[] {
  return node.kind === 'leaf' ? [{ depth: node.depth, size: node.size }] : [...leaves(node.left), ...leaves(node.right)];
}

describe('growIsolationTree', () => {
  it('limits the height to ceil(log2(sample size))', () => {
    expect(heightLimit(1)).toBe(1);
    expect(heightLimit(2)).toBe(1);
    expect(heightLimit(3)).toBe(2);
    expect(heightLimit(256)).toBe(8);
    expect(heightLimit(257)).toBe(9);
    const sample = Float64Array.from({ length: 256 }, (_, index) => index);
    const depths = leaves(growIsolationTree(sample, mersenne(3))).map((leaf) => leaf.depth);
    expect(Math.max(...depths)).toBeLessThanOrEqual(8);
  });

  it('keeps every sample point in exactly one leaf, duplicates included', () => {
    const sample = Float64Array.from([1, 1, 1, 2, 2, 3, 5, 8, 13, 13]);
    const sizes = leaves(growIsolationTree(sample, mersenne(5))).map((leaf) => leaf.size);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(sample.length);
  });

  it('never splits equal values: a run of duplicates ends in one leaf', () => {
    const root = growIsolationTree(Float64Array.from([7, 7, 7, 7]), mersenne(1));
    expect(root).toEqual({ kind: 'leaf', depth: 0, size: 4 });
  });

  it('sends values equal to a threshold left and keeps thresholds inside the node range', () => {
    const sample = Float64Array.from([1, 2]);
    const root = growIsolationTree(sample, mersenne(9));
    if (root.kind !== 'split') throw new Error('two distinct values must split');
    expect(root.threshold).toBeGreaterThanOrEqual(1);
    expect(root.threshold).toBeLessThan(2);
    expect(root.left).toEqual({ kind: 'leaf', depth: 1, size: 1 });
    expect(root.right).toEqual({ kind: 'leaf', depth: 1, size: 1 });
  });
});
