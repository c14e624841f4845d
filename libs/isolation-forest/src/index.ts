export { IsolationForest } from './isolation-forest.js';
export type { IsolationForestOptions } from './isolation-forest-options.js';
