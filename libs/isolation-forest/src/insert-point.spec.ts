import { describe, expect, it } from '@jest/globals';
import { mersenne } from 'pure-rand/generator/mersenne';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { deepen, insertPoint, removePoint } from './insert-point.js';
import { growIsolationTree, heightLimit } from './isolation-tree.js';
import { noisyPrices, stickyPrices, uniformPoints } from './price-series.builder.js';
import { treeBreach } from './testing/tree-shape.js';

const series: [string, number[]][] = [
  ['noisy', noisyPrices(200, 50, 0.05)],
  ['sticky with promotions', stickyPrices(19.99, 120, [[17.99, 30], [14.99, 6]])],
  ['two tiers and gross errors', [...noisyPrices(90, 10, 0.02, 4), ...noisyPrices(60, 25, 0.02, 5), 250, 1, 9.99, 9.99]],
  ['uniform, new extremes often', uniformPoints(180, 0, 1000, 11)],
];

/** A tree grown over the first `start` values, then given the rest one at a time as a growing forest does. */
function insertedOneByOne(values: number[], start: number, seed: number) {
  const rng = xoroshiro128plus(seed);
  let history = Float64Array.from(values.slice(0, start)).sort();
  const tree = growIsolationTree(history, mersenne(seed));
  for (const value of values.slice(start)) {
    const [limit, grownLimit] = [heightLimit(history.length), heightLimit(history.length + 1)];
    if (grownLimit > limit) deepen(tree, history, limit, rng);
    insertPoint(tree, history, value, grownLimit, rng);
    history = Float64Array.from([...history, value]).sort();
  }
  return { tree, history };
}

describe('removePoint', () => {
  it.each(series)('leaves a valid isolation tree of the sample after each value it gives up for another (%s)', (_name, values) => {
    for (const seed of [1, 2]) {
      const rng = xoroshiro128plus(seed);
      let sample = Float64Array.from(values.slice(0, 64)).sort();
      const tree = growIsolationTree(sample, mersenne(seed));
      for (const [step, value] of values.slice(64).entries()) {
        const place = (step * 37) % sample.length;
        const reduced = Float64Array.from([...sample.slice(0, place), ...sample.slice(place + 1)]);
        removePoint(tree, reduced, sample[place], 6, rng);
        expect(treeBreach(tree, reduced, 6)).toBeNull();
        insertPoint(tree, reduced, value, 6, rng);
        sample = Float64Array.from([...reduced, value]).sort();
        expect(treeBreach(tree, sample, 6)).toBeNull();
      }
    }
  });
});

describe('insertPoint', () => {
  it.each(series)('leaves a valid isolation tree of the grown series after every insertion (%s)', (_name, values) => {
    for (const seed of [1, 2, 3]) {
      for (let end = 2; end <= values.length; end += 7) {
        const { tree, history } = insertedOneByOne(values.slice(0, end), 1, seed);
        expect(treeBreach(tree, history, heightLimit(history.length))).toBeNull();
      }
    }
  });

  it('grows the tree of one value into a tree of many, as deep as the height limit allows', () => {
    const { tree, history } = insertedOneByOne(noisyPrices(256, 40, 0.1, 8), 1, 5);
    expect(treeBreach(tree, history, 8)).toBeNull();
    expect(Math.max(...tree.splitDepths)).toBe(7);
  });

  it('isolates a new extreme near the root about as often as a tree grown afresh does', () => {
    // A value 10x beyond a tight range is cut off at the root with probability 9/10 (its share of the grown range).
    const base = noisyPrices(60, 100, 0.01, 2);
    let cutAtRoot = 0;
    const trials = 400;
    for (let seed = 0; seed < trials; seed++) {
      const { tree, history } = insertedOneByOne([...base, 1000], base.length, seed);
      expect(treeBreach(tree, history, heightLimit(history.length))).toBeNull();
      if (tree.pathLengths.at(-1) === 1) cutAtRoot++;
    }
    const expected = (1000 - Math.max(...base)) / (1000 - Math.min(...base));
    expect(Math.abs(cutAtRoot / trials - expected)).toBeLessThan(0.05);
  });
});
