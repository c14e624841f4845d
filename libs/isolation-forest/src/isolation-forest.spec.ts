import { describe, expect, it } from '@jest/globals';
import { IsolationForest, type IsolationForestOptions } from './index.js';
import { noisyPrices, stickyPrices, uniformPoints } from './price-series.builder.js';

const prices = noisyPrices(300, 40, 0.05);
const probes = uniformPoints(200, 30, 50);
// Recorded from this implementation (pure-rand mersenne, seed 42); a change means seeded models changed.
const GOLDEN_SCORE_AT_45 = 0.7885005970191669;
const scoresOf = (forest: IsolationForest): number[] => probes.map((probe) => forest.score(probe));

describe('IsolationForest', () => {
  describe('determinism', () => {
    it('gives identical scores for the same data and seed', () => {
      expect(scoresOf(IsolationForest.fit(prices, { seed: 7 }))).toEqual(scoresOf(IsolationForest.fit(prices, { seed: 7 })));
    });

    it('gives different scores for a different seed', () => {
      expect(scoresOf(IsolationForest.fit(prices, { seed: 7 }))).not.toEqual(scoresOf(IsolationForest.fit(prices, { seed: 8 })));
    });

    it('reproduces a recorded score, so the forest is the same in every process and release', () => {
      expect(IsolationForest.fit(prices).score(45)).toBe(GOLDEN_SCORE_AT_45);
    });

    it('does not depend on the order of the training values when the sample is the whole series', () => {
      const history = prices.slice(0, 200);
      expect(scoresOf(IsolationForest.fit([...history].reverse()))).toEqual(scoresOf(IsolationForest.fit(history)));
    });
  });

  describe('properties', () => {
    it('reports its configuration, with sampleSize = min(sampleSize, n)', () => {
      const small = IsolationForest.fit(prices);
      expect([small.trees, small.sampleSize, small.trainedOn, small.seed]).toEqual([100, 256, 300, 42]);
      const tiny = IsolationForest.fit([1, 2, 3], { trees: 10, sampleSize: 64, seed: -5 });
      expect([tiny.trees, tiny.sampleSize, tiny.trainedOn, tiny.seed]).toEqual([10, 3, 3, -5]);
    });

    it('reports a memory footprint that grows with the number of trees', () => {
      const few = IsolationForest.fit(prices, { trees: 10 });
      const many = IsolationForest.fit(prices, { trees: 100 });
      expect(few.sizeInBytes).toBeGreaterThan(0);
      expect(many.sizeInBytes).toBeGreaterThan(few.sizeInBytes);
      // Per tree at most 2^8 - 1 thresholds with their depths and 2^8 leaves, 8 bytes each, and its sample of 256.
      expect(many.sizeInBytes).toBeLessThan(100 * ((2 * 255 + 256) * 8 + 96 + 256 * 8) + 1024);
    });
  });

  describe('growing', () => {
    const history = prices.slice(0, 120);
    const added = prices.slice(120, 180);

    it('grows by new values into a forest of all of them, leaving the original as it was', () => {
      const forest = IsolationForest.fit(history);
      const before = scoresOf(forest);
      const grown = forest.grow(added);
      expect([grown.trainedOn, grown.sampleSize, grown.trees, grown.seed]).toEqual([180, 180, 100, 42]);
      expect(scoresOf(forest)).toEqual(before);
      expect(scoresOf(grown)).not.toEqual(before);
    });

    it('grows the same way in every process: same forest, same values, same scores', () => {
      expect(scoresOf(IsolationForest.fit(history).grow(added))).toEqual(scoresOf(IsolationForest.fit(history).grow(added)));
    });

    it('grows past the sample size, keeping each tree on a sample of 256', () => {
      const grown = IsolationForest.fit(prices.slice(0, 250)).grow(prices.slice(250)).grow(noisyPrices(500, 40, 0.05, 9));
      expect([grown.trainedOn, grown.sampleSize]).toEqual([800, 256]);
      expect(grown.score(80)).toBeGreaterThan(grown.score(40) + 0.15);
    });

    it('learns a new level: a price it has now seen many times scores as ordinary', () => {
      const forest = IsolationForest.fit(history);
      const grown = forest.grow(Array.from({ length: 60 }, (_, i) => 60 + (i % 3) / 10));
      expect(forest.score(60.1)).toBeGreaterThan(0.6);
      expect(grown.score(60.1)).toBeLessThan(forest.score(60.1) - 0.1);
    });

    it('rejects what fit rejects', () => {
      expect(() => IsolationForest.fit(history).grow([1, Number.NaN])).toThrow(/finite numbers, got NaN at index 1/);
    });
  });

  describe('scores', () => {
    it('scores a far outlier higher than a typical price', () => {
      const forest = IsolationForest.fit(prices);
      expect(forest.score(80)).toBeGreaterThan(forest.score(40) + 0.15);
      expect(forest.score(5)).toBeGreaterThan(forest.score(40) + 0.15);
    });

    it('scores a rare promo price higher than the regular price of a sticky series', () => {
      const forest = IsolationForest.fit(stickyPrices(19.99, 90, [[17.99, 8], [14.99, 2]]));
      expect(forest.score(14.99)).toBeGreaterThan(forest.score(19.99));
    });

    it('keeps every score in (0, 1]', () => {
      const forest = IsolationForest.fit(prices);
      for (const probe of [...probes, -1e9, 0, 1e9]) {
        const score = forest.score(probe);
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    });

    it('gives 0.5 everywhere for a single value, as scikit-learn does, never NaN', () => {
      const forest = IsolationForest.fit([42]);
      expect([forest.score(42), forest.score(0), forest.score(1e6)]).toEqual([0.5, 0.5, 0.5]);
      expect(forest.sampleSize).toBe(1);
    });

    it('gives 0.5 everywhere for a constant series, as scikit-learn does', () => {
      const forest = IsolationForest.fit(Array.from({ length: 500 }, () => 9.99));
      const scores = [forest.score(9.99), forest.score(1), forest.score(100)];
      expect(new Set(scores).size).toBe(1);
      // 100 equal path lengths summed in floating point: 0.5 up to rounding.
      expect(scores[0]).toBeCloseTo(0.5, 12);
    });

    it('handles two equal values and very short histories without NaN', () => {
      for (const values of [[10, 10], [10, 12], [5, 5.5, 9], [1, 1, 1, 2, 100]]) {
        const forest = IsolationForest.fit(values);
        for (const probe of [...values, 0, 1000]) expect(Number.isFinite(forest.score(probe))).toBe(true);
      }
    });
  });

  describe('validation', () => {
    it.each([
      ['an empty array', [], /at least one value/],
      ['NaN', [1, Number.NaN], /finite numbers, got NaN at index 1/],
      ['Infinity', [Infinity], /finite numbers, got Infinity at index 0/],
      ['-Infinity', [1, 2, -Infinity], /finite numbers, got -Infinity at index 2/],
      ['a numeric string', [1, '2'], /finite numbers, got 2 at index 1/],
      // eslint-disable-next-line no-sparse-arrays -- a hole is the input under test
      ['a hole', [1, , 3], /finite numbers, got undefined at index 1/],
      ['a non-array', '1,2,3', /expects an array/],
      ['a typed array', new Float64Array([1, 2]), /expects an array/],
      ['null', null, /expects an array/],
    ])('rejects %s', (_, values, message) => {
      expect(() => IsolationForest.fit(values as unknown as number[])).toThrow(message);
    });

    it.each([
      ['trees 0', { trees: 0 }, /trees must be an integer >= 1/],
      ['trees 1.5', { trees: 1.5 }, /trees must be an integer >= 1/],
      ['trees NaN', { trees: Number.NaN }, /trees must be an integer >= 1/],
      ['sampleSize -1', { sampleSize: -1 }, /sampleSize must be an integer >= 1/],
      ['sampleSize Infinity', { sampleSize: Infinity }, /sampleSize must be an integer >= 1/],
      ['seed 0.5', { seed: 0.5 }, /seed must be a 32-bit signed integer/],
      ['seed 2^31', { seed: 2 ** 31 }, /seed must be a 32-bit signed integer/],
      ['seed as text', { seed: '42' }, /seed must be a 32-bit signed integer/],
      ['an unknown option', { nTrees: 10 }, /option "nTrees" is unknown/],
      ['null options', null, /options must be an object/],
    ])('rejects %s', (_, options, message) => {
      expect(() => IsolationForest.fit([1, 2, 3], options as unknown as IsolationForestOptions)).toThrow(message);
    });

    it('accepts the extreme 32-bit seeds and one tree of one point', () => {
      expect(IsolationForest.fit([1, 2], { seed: -(2 ** 31) }).seed).toBe(-(2 ** 31));
      expect(IsolationForest.fit([1, 2], { seed: 2 ** 31 - 1, trees: 1, sampleSize: 1 }).score(1)).toBe(0.5);
    });

    const forest = IsolationForest.fit(prices);
    it.each([Number.NaN, Infinity, -Infinity, '40', undefined])('rejects score(%p)', (value) => {
      expect(() => forest.score(value as unknown as number)).toThrow(/score expects a finite number/);
    });
  });
});
