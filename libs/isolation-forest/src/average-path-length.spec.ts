import { describe, expect, it } from '@jest/globals';
import { anomalyScore, averagePathLength } from './average-path-length.js';

describe('averagePathLength', () => {
  it('is 0 for zero or one point and 1 for two, as in scikit-learn', () => {
    expect(averagePathLength(0)).toBe(0);
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
  });

  it('matches sklearn.ensemble._iforest._average_path_length', () => {
    expect(averagePathLength(3)).toBeCloseTo(1.207392357589623, 14);
    expect(averagePathLength(256)).toBeCloseTo(10.244770920119917, 13);
    expect(averagePathLength(1000)).toBeCloseTo(12.969940887100172, 13);
  });
});

describe('anomalyScore', () => {
  it('is 0.5 when the mean path length equals c(sample size)', () => {
    expect(anomalyScore(averagePathLength(256), 256)).toBeCloseTo(0.5, 15);
  });

  it('is 0.5 for a one-point sample, where sklearn defines the normalised path length as 1', () => {
    expect(anomalyScore(0, 1)).toBe(0.5);
  });

  it('is 1 for a zero path length', () => {
    expect(anomalyScore(0, 256)).toBe(1);
  });
});
