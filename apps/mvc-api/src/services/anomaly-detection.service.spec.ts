import { beforeEach, describe, expect, it } from '@jest/globals';
import { inHouseEngine, PriceModelRegistry } from '#libs/anomaly-detection';
import type { ItemPricesReader } from '#libs/database';
import { ItemNotFoundError } from '#libs/errors';
import type { VersionedPrices } from '#libs/price-history';
import { AnomalyDetectionService } from './anomaly-detection.service.js';

/** The reader's two questions answered from memory; the registry and policy are the real ones. */
class InMemoryItemPrices {
  history = new Map<string, VersionedPrices>();
  priceReads = 0;
  async versionOf(itemId: string) {
    const version = this.history.get(itemId)?.version;
    return version === undefined ? null : { version, stale: false };
  }
  async pricesOf(itemId: string) {
    this.priceReads++;
    return this.history.get(itemId) ?? null;
  }
}

describe(AnomalyDetectionService.name, () => {
  let prices: InMemoryItemPrices;
  let sut: AnomalyDetectionService;

  beforeEach(() => {
    prices = new InMemoryItemPrices();
    prices.history.set('MLB1', { version: '1', prices: [10, 10, 10, 9.5, 10.5, 10], recent: [10, 10, 10, 9.5, 10.5, 10], recentDays: [1, 2, 3, 4, 5, 6] });
    sut = new AnomalyDetectionService(prices as unknown as ItemPricesReader, new PriceModelRegistry(inHouseEngine));
  });

  it("flags a price far from the item's own prices and explains why", async () => {
    await expect(sut.detect('MLB1', 100)).resolves.toMatchObject({ anomaly: true, metadata: { reason: 'outside_normal_range', direction: 'high' } });
    await expect(sut.detect('MLB1', 10)).resolves.toMatchObject({ anomaly: false });
  });

  it('reads prices once per history version', async () => {
    await sut.detect('MLB1', 10);
    await sut.detect('MLB1', 11);
    expect(prices.priceReads).toBe(1);
    prices.history.set('MLB1', { version: '2', prices: [100, 100, 100, 100, 100], recent: [100, 100, 100, 100, 100], recentDays: [1, 2, 3, 4, 5] });
    await expect(sut.detect('MLB1', 100)).resolves.toMatchObject({ anomaly: false, metadata: { model: { history_version: '2' } } });
    expect(prices.priceReads).toBe(2);
  });

  it('answers ITEM_NOT_FOUND for an item without history', async () => {
    await expect(sut.detect('111', 200)).rejects.toBeInstanceOf(ItemNotFoundError);
  });
});
