import { describe, expect, it } from '@jest/globals';
import { inHouseEngine } from '../engines/in-house.engine.js';
import type { VersionedPrices } from '#libs/price-history';
import { PriceModelRegistry } from './price-model-registry.js';

function history(version: string, prices: number[]) {
  let loads = 0;
  const load = async (): Promise<VersionedPrices> => {
    loads++;
    return { version, prices, recent: prices };
  };
  return { load, loads: () => loads };
}

describe('PriceModelRegistry', () => {
  it('trains once per item and version, then serves the cached model', async () => {
    const sut = new PriceModelRegistry(inHouseEngine);
    const v1 = history('1', [10, 11, 12, 10, 11]);
    const first = await sut.modelFor('MLB1', '1', v1.load);
    expect(await sut.modelFor('MLB1', '1', v1.load)).toBe(first);
    expect(v1.loads()).toBe(1);
    expect(sut.stats()).toMatchObject({ hits: 1, misses: 1, trainings: 1, entries: 1 });
  });

  it('never serves a model after the history version changed', async () => {
    const sut = new PriceModelRegistry(inHouseEngine);
    await sut.modelFor('MLB1', '1', history('1', [10, 11, 12, 10, 11]).load);
    const v2 = history('2', [10, 11, 12, 10, 11, 100, 100, 100, 100, 100]);
    const model = await sut.modelFor('MLB1', '2', v2.load);
    expect(v2.loads()).toBe(1);
    expect(model?.historyVersion).toBe('2');
    expect(model?.judge(100).anomaly).toBe(false);
  });

  it('shares one training between concurrent cold requests', async () => {
    const sut = new PriceModelRegistry(inHouseEngine);
    const v1 = history('1', [10, 11, 12, 10, 11]);
    const models = await Promise.all([1, 2, 3].map(() => sut.modelFor('MLB1', '1', v1.load)));
    expect(new Set(models).size).toBe(1);
    expect(v1.loads()).toBe(1);
  });

  it('answers null for an item without history', async () => {
    await expect(new PriceModelRegistry(inHouseEngine).modelFor('111', '1', async () => null)).resolves.toBeNull();
  });

  it('stays within its entry bound', async () => {
    const sut = new PriceModelRegistry(inHouseEngine, { maxEntries: 2, maxBytes: 1e9 });
    for (const item of ['A', 'B', 'C']) await sut.modelFor(item, '1', history('1', [1, 2, 3]).load);
    expect(sut.stats()).toMatchObject({ entries: 2, evictions: 1 });
  });
});
