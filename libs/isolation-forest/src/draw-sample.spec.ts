import { describe, expect, it } from '@jest/globals';
import { mersenne } from 'pure-rand/generator/mersenne';
import { sortedSampleDrawer } from './draw-sample.js';

const indices = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

describe('sortedSampleDrawer', () => {
  it('draws without replacement and returns the sample sorted, also on later draws', () => {
    const draw = sortedSampleDrawer(indices(96_000), 256, mersenne(1));
    draw();
    const sample = Array.from(draw());
    expect(sample).toHaveLength(256);
    expect(new Set(sample).size).toBe(256);
    expect(sample).toEqual([...sample].sort((a, b) => a - b));
  });

  it('takes every value when the sample is as large as the data', () => {
    expect(Array.from(sortedSampleDrawer([3, 1, 2, 1], 4, mersenne(1))())).toEqual([1, 1, 2, 3]);
  });

  it('gives every value the same chance of being drawn', () => {
    const draw = sortedSampleDrawer(indices(20), 5, mersenne(2));
    const hits = new Array<number>(20).fill(0);
    const draws = 4000;
    for (let round = 0; round < draws; round++) for (const value of draw()) hits[value]++;
    // Expected 1000 hits each; the binomial standard deviation is about 27.
    for (const count of hits) expect(Math.abs(count - (draws * 5) / 20)).toBeLessThan(150);
  });
});
