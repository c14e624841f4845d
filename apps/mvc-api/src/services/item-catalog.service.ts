import { Injectable } from '@nestjs/common';
import { ItemCatalogReader } from '#libs/database';
import { ItemNotFoundError } from '#libs/errors';
import type { CatalogItem, DailyPrices, ItemListing } from '#libs/price-history';

/** Items by prefix or open alerts, and an item's history day by day. */
@Injectable()
export class ItemCatalogService {
  constructor(private readonly catalog: ItemCatalogReader) {}

  list(listing: ItemListing): Promise<CatalogItem[]> {
    return this.catalog.list(listing);
  }

  async daily(itemId: string): Promise<DailyPrices[]> {
    const days = await this.catalog.daily(itemId);
    if (days.length === 0) throw new ItemNotFoundError(itemId);
    return days;
  }
}
