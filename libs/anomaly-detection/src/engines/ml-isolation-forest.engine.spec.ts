import { describe, expect, it } from '@jest/globals';
import { mlIsolationForestEngine as sut } from './ml-isolation-forest.engine.js';

const settings = { trees: 100, sampleSize: 256, seed: 42 };
const prices = Array.from({ length: 1000 }, (_, i) => 50 + (i % 37) * 0.5);

describe('ml-isolation-forest engine (the package behind our port)', () => {
  it('is reproducible for a seed, although the package itself cannot be seeded', () => {
    const [a, b] = [sut.train(prices, settings), sut.train(prices, settings)];
    for (const price of [40, 55, 60, 75]) expect(a.score(price)).toBe(b.score(price));
    expect(sut.train(prices, { ...settings, seed: 7 }).score(55)).not.toBe(a.score(55));
  });

  it('leaves Math.random as it found it', () => {
    const random = Math.random;
    sut.train(prices, settings);
    expect(Math.random).toBe(random);
  });

  it('grows each tree on a sample of at most sampleSize points, as scikit-learn does', () => {
    expect(sut.train(prices, settings)).toMatchObject({ sampleSize: 256, trainedOn: 1000, trees: 100, engine: 'ml-isolation-forest' });
  });

  it('scores a one-point history 0.5 instead of NaN', () => {
    expect(sut.train([10], settings).score(10)).toBe(0.5);
  });

  it('scores constant data 0.5, as scikit-learn does (the package alone splits equal values and drifts far below)', () => {
    const forest = sut.train(Array.from({ length: 50 }, () => 10), settings);
    for (const price of [10, 5, 20]) expect(forest.score(price)).toBeCloseTo(0.5, 12);
  });

  it('sizes the forest from its compact nodes, not from the package objects it discarded', () => {
    const constant = sut.train(Array.from({ length: 50 }, () => 10), settings);
    const varied = sut.train(prices, settings);
    // One leaf per tree for constant data; a tree of a few hundred nodes per 256-point sample.
    expect(constant.sizeInBytes).toBeLessThan(settings.trees * 64);
    expect(varied.sizeInBytes).toBeGreaterThan(constant.sizeInBytes * 10);
    expect(varied.sizeInBytes).toBeLessThan(settings.trees * 512 * 16);
  });

  it('scores an outlier above a typical value', () => {
    const forest = sut.train(prices, settings);
    expect(forest.score(500)).toBeGreaterThan(forest.score(60));
  });

  it.each([
    ['an empty history', []],
    ['a NaN', [1, Number.NaN]],
    ['an infinite price', [1, Infinity]],
    ['rows instead of prices', [[1], [2]]],
  ])('rejects %s loudly', (_case, values) => {
    expect(() => sut.train(values as unknown as number[], settings)).toThrow();
  });

  it('rejects a non-finite price to score', () => {
    expect(() => sut.train(prices, settings).score(Number.NaN)).toThrow();
  });
});
