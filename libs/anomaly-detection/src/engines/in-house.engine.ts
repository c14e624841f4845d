import { IsolationForest } from '#libs/isolation-forest';
import type { AnomalyEngine, ForestSettings, TrainedForest } from './anomaly-engine.js';

/** The default: libs/isolation-forest, seeded and compiled to a step function (one binary search per score). */
export const inHouseEngine: AnomalyEngine = {
  name: 'isolation-forest',
  train(values: readonly number[], settings: ForestSettings): TrainedForest {
    const forest = IsolationForest.fit(values, settings);
    return {
      engine: 'isolation-forest',
      trees: forest.trees,
      sampleSize: forest.sampleSize,
      trainedOn: forest.trainedOn,
      seed: forest.seed,
      sizeInBytes: forest.sizeInBytes,
      score: (price) => forest.score(price),
    };
  },
};
