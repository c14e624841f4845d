import { describe, expect, it } from '@jest/globals';
import { inHouseEngine } from '../engines/in-house.engine.js';
import type { VersionedPrices } from '#libs/price-history';
import { PriceModelRegistry } from './price-model-registry.js';

function history(version: string, prices: number[]) {
  let loads = 0;
  const load = async (): Promise<VersionedPrices> => {
    loads++;
    return { version, prices, recent: prices, recentDays: prices.map((_, day) => day) };
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

  it('grows the model of the version an append started from into the model of the version it made, with no price read', async () => {
    const sut = new PriceModelRegistry(inHouseEngine);
    const v1 = history('1', [10, 11, 12, 10, 11, 10, 12]);
    await sut.modelFor('MLB1', '1', v1.load);
    sut.learn([{ itemId: 'MLB1', fromVersion: '1', toVersion: '2', rows: [{ ordClosedDt: '2024-03-01', price: 30 }] }]);
    const grown = await sut.modelFor('MLB1', '2', history('2', []).load);
    expect(grown).toMatchObject({ historyVersion: '2' });
    expect(grown?.description()).toMatchObject({ trained_on: 8, history_version: '2' });
    expect(v1.loads()).toBe(1);
    expect(sut.stats()).toMatchObject({ trainings: 1, growths: 1, hits: 1 });
  });

  it('leaves a model alone when an append started from a version it was not trained on', async () => {
    const sut = new PriceModelRegistry(inHouseEngine);
    await sut.modelFor('MLB1', '1', history('1', [10, 11, 12, 10, 11]).load);
    sut.learn([{ itemId: 'MLB1', fromVersion: '5', toVersion: '6', rows: [{ ordClosedDt: '2024-03-01', price: 30 }] }]);
    const v6 = history('6', [10, 11, 12, 10, 11, 99, 30]);
    expect(await sut.modelFor('MLB1', '6', v6.load)).toMatchObject({ historyVersion: '6' });
    expect(v6.loads()).toBe(1);
    expect(sut.stats()).toMatchObject({ trainings: 2, growths: 0 });
  });
});
