import { describeSklearnParity } from '#test-support/sklearn-parity';
import { IsolationForest } from './isolation-forest.js';

describeSklearnParity('IsolationForest', (values, seed) => {
  const forest = IsolationForest.fit(values, { seed });
  return (price) => forest.score(price);
});
