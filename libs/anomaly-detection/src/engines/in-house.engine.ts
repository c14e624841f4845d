import { IsolationForest } from '#libs/isolation-forest';
import type { AnomalyEngine, ForestSettings, TrainedForest } from './anomaly-engine.js';

/** The default: libs/isolation-forest, seeded, and able to grow with the history instead of being trained again. */
export const inHouseEngine: AnomalyEngine = {
  name: 'isolation-forest',
  train(values: readonly number[], settings: ForestSettings): TrainedForest {
    return trained(IsolationForest.fit(values, settings));
  },
};

function trained(forest: IsolationForest): TrainedForest {
  return {
    engine: 'isolation-forest',
    trees: forest.trees,
    sampleSize: forest.sampleSize,
    trainedOn: forest.trainedOn,
    seed: forest.seed,
    sizeInBytes: forest.sizeInBytes,
    score: (price) => forest.score(price),
    grow: (added) => trained(forest.grow(added)),
  };
}
