import { describe, expect, it } from '@jest/globals';
import { ItemNotFoundError } from '../../domain/errors.js';
import type { CatalogItem, DailyPrices, ItemListing } from '../../domain/price-point.js';
import type { ItemCatalog } from '../list-items/item-catalog.port.js';
import { GetDailyPricesUseCase } from './get-daily-prices.use-case.js';

class InMemoryCatalog implements ItemCatalog {
  constructor(private readonly days: Record<string, DailyPrices[]>) {}
  async list(_listing: ItemListing): Promise<CatalogItem[]> {
    return Object.keys(this.days).map((itemId) => ({ itemId, openAlerts: 0 }));
  }
  async daily(itemId: string): Promise<DailyPrices[]> {
    return this.days[itemId] ?? [];
  }
}

describe(GetDailyPricesUseCase.name, () => {
  const sut = new GetDailyPricesUseCase(new InMemoryCatalog({ MLB1: [{ day: '2024-01-01', min: 9, median: 10, max: 11, orders: 3 }] }));

  it("answers an item's days", async () => {
    await expect(sut.execute('MLB1')).resolves.toEqual([{ day: '2024-01-01', min: 9, median: 10, max: 11, orders: 3 }]);
  });

  it('refuses an item without history', async () => {
    await expect(sut.execute('MLB2')).rejects.toBeInstanceOf(ItemNotFoundError);
  });
});
