import { describe, expect, it } from '@jest/globals';
import { formatPriceUnits, toPriceUnits } from './price-format.js';

describe('price formatting', () => {
  it.each([
    [22.01, 2, '22.01'],
    [22.1, 2, '22.10'],
    [5, 2, '5.00'],
    [1.9241, 4, '1.9241'],
    [3.125, 4, '3.125'],
    [0.00001, 4, '0.0001'],
    [0.001, 2, '0.01'],
    [5466.29, 4, '5466.29'],
  ] as const)('%d with %i decimals is written %s', (price, decimals, text) => {
    expect(formatPriceUnits(toPriceUnits(price, decimals))).toBe(text);
  });
});
