import { describe, expect, it } from '@jest/globals';
import { drawQueryPrices, generateItemHistory, type ItemHistory } from './item-history.js';
import { ITEM_ID_PATTERN } from './item-ids.js';
import { median } from './item-model.js';
import { repeatShare } from './testing/repeat-share.js';


const seeds = Array.from({ length: 20 }, (_, i) => 1000 + i);
const histories = (kind: ItemHistory['kind']) => seeds.map((seed) => generateItemHistory({ kind, size: 120, seed }));

describe('generateItemHistory', () => {
  it('is reproducible from its seed', () => {
    expect(generateItemHistory({ kind: 'sticky', size: 80, seed: 5 })).toEqual(generateItemHistory({ kind: 'sticky', size: 80, seed: 5 }));
    expect(generateItemHistory({ kind: 'sticky', size: 80, seed: 6 }).prices).not.toEqual(
      generateItemHistory({ kind: 'sticky', size: 80, seed: 5 }).prices,
    );
  });

  it('returns aligned prices and dates, an item id and the median as typical price', () => {
    const history = generateItemHistory({ kind: 'noisy', size: 75, seed: 3, typicalPrice: 40 });
    expect(history.prices).toHaveLength(75);
    expect(history.dates).toHaveLength(75);
    expect(history.itemId).toMatch(ITEM_ID_PATTERN);
    expect(history.typicalPrice).toBe(median(history.prices));
    expect(history.typicalPrice).toBeGreaterThan(30);
    expect(history.typicalPrice).toBeLessThan(55);
  });

  it('makes sticky items repeat a regular price: more than half the rows repeat an earlier price', () => {
    for (const history of histories('sticky')) expect(repeatShare(history.prices)).toBeGreaterThan(0.5);
  });

  it('keeps sticky and noisy items tight: no price beyond 3x or below a third of the typical price', () => {
    for (const history of [...histories('sticky'), ...histories('noisy')]) {
      for (const price of history.prices) {
        expect(price).toBeLessThan(history.typicalPrice * 3);
        expect(price).toBeGreaterThan(history.typicalPrice / 3);
      }
    }
  });

  it('spreads dispersed items over more than 10x', () => {
    for (const history of histories('dispersed')) {
      expect(history.normalHigh / history.normalLow).toBeGreaterThan(10);
      expect(Math.max(...history.prices) / Math.min(...history.prices)).toBeGreaterThan(5);
    }
  });
});

describe('drawQueryPrices', () => {
  it('draws normal prices inside the normal range and anomalies far outside it', () => {
    for (const history of [...histories('sticky'), ...histories('noisy'), ...histories('dispersed')]) {
      const { normal, anomalous } = drawQueryPrices(history, { normal: 50, anomalous: 50, seed: 7 });
      expect(normal).toHaveLength(50);
      expect(anomalous).toHaveLength(50);
      for (const price of normal) {
        expect(price).toBeGreaterThanOrEqual(history.normalLow * 0.99);
        expect(price).toBeLessThanOrEqual(history.normalHigh * 1.01);
      }
      for (const query of anomalous) {
        expect(query.factor).toBeCloseTo(query.price / history.typicalPrice, 10);
        if (history.kind === 'dispersed') {
          expect(query.direction === 'high' ? query.price >= history.normalHigh * 2.9 : query.price <= history.normalLow / 2.9).toBe(true);
        } else {
          expect(query.direction === 'high' ? query.factor >= 2.99 : query.factor <= 1 / 2.99).toBe(true);
          expect(query.direction === 'high' ? query.factor <= 10.01 : query.factor >= 1 / 10.01).toBe(true);
        }
      }
    }
  });

  it('draws both directions and is reproducible from its seed', () => {
    const history = generateItemHistory({ kind: 'sticky', size: 100, seed: 11 });
    const queries = drawQueryPrices(history, { normal: 10, anomalous: 40, seed: 1 });
    expect(new Set(queries.anomalous.map((query) => query.direction))).toEqual(new Set(['high', 'low']));
    expect(drawQueryPrices(history, { normal: 10, anomalous: 40, seed: 1 })).toEqual(queries);
  });
});
