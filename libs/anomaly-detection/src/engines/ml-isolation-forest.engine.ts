import { IsolationForest as MlIsolationForest } from 'ml-isolation-forest';
import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { anomalyScore, assertTrainingValues, averagePathLength, sortedSampleDrawer } from '../../../isolation-forest/src/index.js';
import type { AnomalyEngine, ForestSettings, TrainedForest } from './anomaly-engine.js';

/** A generous estimate per single-tree instance (nodes, leaf arrays, wrapper). */
const BYTES_PER_TREE = 40 * 1024;

/**
 * The `ml-isolation-forest` package behind the same port, with its defects fenced off:
 * - it trains every tree on all n points (slow, and not scikit-learn's semantics): each tree here
 *   is a one-tree instance grown on its own sample of min(sampleSize, n) points;
 * - it cannot be seeded (Math.random): Math.random is swapped for a seeded generator during the
 *   synchronous training only, so the same data and seed give the same forest;
 * - it returns NaN for n <= 1 and appends trees on a second train(): a fresh instance per tree,
 *   and one-point samples score 0.5 as in scikit-learn;
 * - it accepts a flat array silently and has no types: input is validated and reshaped here.
 */
export const mlIsolationForestEngine: AnomalyEngine = {
  name: 'ml-isolation-forest',
  train(values: readonly number[], settings: ForestSettings): TrainedForest {
    assertTrainingValues(values);
    const sampleSize = Math.min(settings.sampleSize, values.length);
    const rng = mersenne(settings.seed);
    const drawSample = sortedSampleDrawer(values, sampleSize, rng);
    const trees = withSeededMathRandom(rng, () =>
      Array.from({ length: settings.trees }, () => {
        const tree = new MlIsolationForest({ nEstimators: 1 });
        tree.train(Array.from(drawSample(), (value) => [value]));
        return tree;
      }));
    const normaliser = averagePathLength(sampleSize);

    return {
      engine: 'ml-isolation-forest',
      trees: settings.trees,
      sampleSize,
      trainedOn: values.length,
      seed: settings.seed,
      sizeInBytes: settings.trees * BYTES_PER_TREE,
      score(price: number): number {
        if (!Number.isFinite(price)) throw new Error(`score expects a finite number, got ${String(price)}`);
        if (normaliser === 0) return 0.5;
        // Each one-tree instance reports 2^(-h/c); recover its path length h and average them.
        let pathLengths = 0;
        for (const tree of trees) pathLengths += -Math.log2(tree.predict([[price]])[0]) * normaliser;
        return anomalyScore(pathLengths / trees.length, sampleSize);
      },
    };
  },
};

function withSeededMathRandom<T>(rng: ReturnType<typeof mersenne>, work: () => T): T {
  const original = Math.random;
  Math.random = () => uniformFloat64(rng);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
