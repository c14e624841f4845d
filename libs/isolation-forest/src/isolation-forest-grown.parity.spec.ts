import { describeSklearnParity } from '#test-support/sklearn-parity';
import { IsolationForest } from './isolation-forest.js';

/**
 * A forest fitted on the first third of each series and grown by the rest, a few values at a time
 * as the price feed grows a history, must match scikit-learn on the whole series as closely as a
 * forest fitted on it at once: growing is exact in distribution, not an approximation.
 */
describeSklearnParity('IsolationForest grown by the last two thirds', (values, seed) => {
  const start = Math.ceil(values.length / 3);
  const step = Math.max(1, Math.floor((values.length - start) / 20));
  let forest = IsolationForest.fit(values.slice(0, start), { seed });
  for (let at = start; at < values.length; at += step) forest = forest.grow(values.slice(at, at + step));
  return (price) => forest.score(price);
});
