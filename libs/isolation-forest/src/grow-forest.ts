import { mersenne } from 'pure-rand/generator/mersenne';
import { sortedSampleDrawer } from './draw-sample.js';
import type { ResolvedOptions } from './isolation-forest-options.js';
import { growIsolationTree, type IsolationTreeNode } from './isolation-tree.js';

export interface GrownForest {
  readonly trees: readonly IsolationTreeNode[];
  readonly sampleSize: number;
}

/** One generator for the whole forest, consumed in tree order, so a seed fixes every tree. */
export function growForest(values: readonly number[], options: ResolvedOptions): GrownForest {
  const sampleSize = Math.min(options.sampleSize, values.length);
  const rng = mersenne(options.seed);
  const drawSample = sortedSampleDrawer(values, sampleSize, rng);
  const trees: IsolationTreeNode[] = [];
  for (let tree = 0; tree < options.trees; tree++) trees.push(growIsolationTree(drawSample(), rng));
  return { trees, sampleSize };
}
