import type { CatalogItem, DailyPrices, ItemListing } from '../../domain/price-point.js';

export abstract class ItemCatalog {
  abstract list(listing: ItemListing): Promise<CatalogItem[]>;
  /** Oldest day first; empty for an item without history. */
  abstract daily(itemId: string): Promise<DailyPrices[]>;
}
