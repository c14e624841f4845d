export { anomalyScore, averagePathLength } from './average-path-length.js';
export { sortedSampleDrawer } from './draw-sample.js';
export { IsolationForest } from './isolation-forest.js';
export type { IsolationForestOptions } from './isolation-forest-options.js';
export { assertTrainingValues } from './training-values.js';
