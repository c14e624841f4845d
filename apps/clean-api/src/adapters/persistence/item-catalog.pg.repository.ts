import { Injectable } from '@nestjs/common';
import { ItemCatalogReader } from '#libs/database';
import type { CatalogItem, DailyPrices, ItemListing } from '../../domain/price-point.js';
import type { ItemCatalog } from '../../use-cases/list-items/item-catalog.port.js';

/** The catalog port on the shared reader of libs/database (the MVC app uses the same SQL). */
@Injectable()
export class ItemCatalogPgRepository implements ItemCatalog {
  constructor(private readonly reader: ItemCatalogReader) {}

  list(listing: ItemListing): Promise<CatalogItem[]> {
    return this.reader.list(listing);
  }

  daily(itemId: string): Promise<DailyPrices[]> {
    return this.reader.daily(itemId);
  }
}
