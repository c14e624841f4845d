import { Injectable } from '@nestjs/common';
import type { CatalogItem, ItemListing } from '../../domain/price-point.js';
import { ItemCatalog } from './item-catalog.port.js';

/** Items by id prefix, or those with the most open alerts. */
@Injectable()
export class ListItemsUseCase {
  constructor(private readonly catalog: ItemCatalog) {}

  execute(listing: ItemListing): Promise<CatalogItem[]> {
    return this.catalog.list(listing);
  }
}
