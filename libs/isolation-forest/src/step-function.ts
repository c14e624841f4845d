import { anomalyScore, averagePathLength } from './average-path-length.js';
import type { IsolationTreeNode } from './isolation-tree.js';

/**
 * The forest as a step function of the value: `scores[i]` holds for x in
 * (breakpoints[i-1], breakpoints[i]], and the last score for x above every breakpoint.
 */
export interface StepFunction {
  readonly breakpoints: Float64Array;
  readonly scores: Float64Array;
}

interface TreeSteps {
  readonly thresholds: number[];
  readonly pathLengths: number[];
}

/**
 * Within an interval between consecutive thresholds of ALL trees, every tree sends x to the same
 * leaf, so the score is constant there. Path lengths are summed tree by tree, in tree order, so
 * the result is bit-identical to averaging per-tree traversals.
 */
export function compileStepFunction(trees: readonly IsolationTreeNode[], sampleSize: number): StepFunction {
  const steps = trees.map(treeSteps);
  const breakpoints = uniqueSorted(steps);
  const sums = new Float64Array(breakpoints.length + 1);
  for (const { thresholds, pathLengths } of steps) {
    let interval = 0;
    for (let leaf = 0; leaf < pathLengths.length; leaf++) {
      // The last leaf runs to +Infinity, past every breakpoint.
      const end = leaf < thresholds.length ? firstAtOrAbove(breakpoints, thresholds[leaf]) + 1 : sums.length;
      const pathLength = pathLengths[leaf];
      for (; interval < end; interval++) sums[interval] += pathLength;
    }
  }
  const scores = sums.map((sum) => anomalyScore(sum / trees.length, sampleSize));
  return { breakpoints, scores };
}

export function evaluateStepFunction({ breakpoints, scores }: StepFunction, value: number): number {
  return scores[firstAtOrAbove(breakpoints, value)];
}

/** Index of the first breakpoint >= value (so values equal to a threshold stay left), or the length. */
function firstAtOrAbove(breakpoints: Float64Array, value: number): number {
  let low = 0;
  let high = breakpoints.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (breakpoints[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Leaves in ascending order of value: the thresholds between them and each leaf's path length. */
function treeSteps(root: IsolationTreeNode): TreeSteps {
  const steps: TreeSteps = { thresholds: [], pathLengths: [] };
  const visit = (node: IsolationTreeNode): void => {
    if (node.kind === 'leaf') {
      steps.pathLengths.push(node.depth + averagePathLength(node.size));
      return;
    }
    visit(node.left);
    steps.thresholds.push(node.threshold);
    visit(node.right);
  };
  visit(root);
  return steps;
}

function uniqueSorted(steps: readonly TreeSteps[]): Float64Array {
  const sorted = new Float64Array(steps.reduce((count, step) => count + step.thresholds.length, 0));
  let offset = 0;
  for (const { thresholds } of steps) {
    sorted.set(thresholds, offset);
    offset += thresholds.length;
  }
  sorted.sort();
  let length = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[length - 1]) sorted[length++] = sorted[index];
  }
  return sorted.slice(0, length);
}
