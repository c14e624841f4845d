import { describe, expect, it } from '@jest/globals';
import { anomalyScore, averagePathLength } from './average-path-length.js';
import { growForest } from './grow-forest.js';
import { resolveOptions } from './isolation-forest-options.js';
import type { IsolationTreeNode } from './isolation-tree.js';
import { noisyPrices, stickyPrices, uniformPoints } from './price-series.builder.js';
import { compileStepFunction, evaluateStepFunction } from './step-function.js';

function pathLength(root: IsolationTreeNode, value: number): number {
  let node = root;
  while (node.kind === 'split') node = value <= node.threshold ? node.left : node.right;
  return node.depth + averagePathLength(node.size);
}

/** The textbook per-tree traversal the step function must reproduce exactly. */
function traversalScore(trees: readonly IsolationTreeNode[], sampleSize: number, value: number): number {
  let sum = 0;
  for (const tree of trees) sum += pathLength(tree, value);
  return anomalyScore(sum / trees.length, sampleSize);
}

const series: [string, number[]][] = [
  ['one value', [12.5]],
  ['five values', [20, 20.5, 19.8, 20.1, 60]],
  ['constant', Array.from({ length: 40 }, () => 9.99)],
  ['sticky', stickyPrices(19.99, 90, [[17.99, 8], [14.99, 2]])],
  ['noisy 100', noisyPrices(100, 50, 0.05)],
  ['noisy 3000', noisyPrices(3000, 250, 0.2, 3)],
];

describe('compileStepFunction', () => {
  it.each(series)('%s: equals per-tree traversal at random points, at every breakpoint and between breakpoints', (_, values) => {
    const forest = growForest(values, resolveOptions({ trees: 50, seed: 11 }));
    const stepFunction = compileStepFunction(forest.trees, forest.sampleSize);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const span = Math.max(high - low, 1);
    const { breakpoints } = stepFunction;
    const points = [
      ...uniformPoints(2000, low - span, high + span),
      ...values,
      ...breakpoints,
      ...breakpoints.map((breakpoint, index) => (index + 1 < breakpoints.length ? (breakpoint + breakpoints[index + 1]) / 2 : breakpoint + 1)),
      ...breakpoints.map((breakpoint) => breakpoint * (1 + 4 * Number.EPSILON)),
      low - 1e6,
      high + 1e6,
    ];
    for (const point of points) {
      expect(evaluateStepFunction(stepFunction, point)).toBe(traversalScore(forest.trees, forest.sampleSize, point));
    }
  });

  it('has one score per interval: breakpoints are strictly increasing', () => {
    const forest = growForest(noisyPrices(500, 30, 0.1), resolveOptions({}));
    const { breakpoints, scores } = compileStepFunction(forest.trees, forest.sampleSize);
    expect(scores.length).toBe(breakpoints.length + 1);
    for (let index = 1; index < breakpoints.length; index++) expect(breakpoints[index]).toBeGreaterThan(breakpoints[index - 1]);
  });

  it('has no breakpoint for a constant series: one score everywhere', () => {
    const forest = growForest(Array.from({ length: 10 }, () => 4), resolveOptions({}));
    const { breakpoints, scores } = compileStepFunction(forest.trees, forest.sampleSize);
    expect(breakpoints.length).toBe(0);
    expect(scores).toHaveLength(1);
    expect(scores[0]).toBeCloseTo(0.5, 12);
  });
});
