import { describe, expect, it } from '@jest/globals';
import { allocateItemSizes, fitToTotal, ORDINARY_MAX_ROWS } from './item-sizes.js';
import { Rng } from './random.js';

describe('allocateItemSizes', () => {
  it.each([
    [175_914, 300],
    [10_000_000, 300],
    [1_000, 10],
    [7, 7],
    [1, 1],
    [500, 1],
  ])('splits %i rows into %i items exactly', (rows, items) => {
    const sizes = allocateItemSizes(new Rng(1), rows, items);
    expect(sizes).toHaveLength(items);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
  });

  it('leaves a few huge items and mostly ordinary ones when rows far exceed items', () => {
    const sizes = allocateItemSizes(new Rng(2), 175_914, 300);
    expect(sizes.filter((size) => size > ORDINARY_MAX_ROWS)).toHaveLength(3);
    expect(sizes.filter((size) => size >= 40 && size <= 190).length).toBeGreaterThan(250);
  });

  it('rejects more items than rows', () => {
    expect(() => allocateItemSizes(new Rng(1), 3, 4)).toThrow(RangeError);
  });
});

describe('fitToTotal', () => {
  it('respects the bounds and the total', () => {
    const sizes = fitToTotal([1, 5, 9, 300], 400, 12, 251);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(400);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(251);
  });
});
