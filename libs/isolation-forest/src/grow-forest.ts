import { mersenne } from 'pure-rand/generator/mersenne';
import { sortedSampleDrawer } from './draw-sample.js';
import type { ResolvedOptions } from './isolation-forest-options.js';
import { growIsolationTree, type IsolationTree } from './isolation-tree.js';

export interface GrownForest {
  readonly trees: IsolationTree[];
  /** Each tree's sample, ascending; while it is the whole series, one array shared by every tree. */
  readonly samples: Float64Array[];
  readonly sampleSize: number;
}

/** One generator for the whole forest, consumed in tree order, so a seed fixes every tree. */
export function growForest(values: readonly number[], options: ResolvedOptions): GrownForest {
  const sampleSize = Math.min(options.sampleSize, values.length);
  const rng = mersenne(options.seed);
  const drawSample = sortedSampleDrawer(values, sampleSize, rng);
  const trees: IsolationTree[] = [];
  const samples: Float64Array[] = [];
  for (let tree = 0; tree < options.trees; tree++) {
    const sample = drawSample();
    samples.push(sample);
    trees.push(growIsolationTree(sample, rng));
  }
  return { trees, samples, sampleSize };
}
