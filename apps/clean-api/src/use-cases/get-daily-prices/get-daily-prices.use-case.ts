import { Injectable } from '@nestjs/common';
import { ItemNotFoundError } from '../../domain/errors.js';
import type { DailyPrices } from '../../domain/price-point.js';
import { ItemCatalog } from '../list-items/item-catalog.port.js';

/** An item's history day by day (lowest, median, highest): what a chart of a long history draws. */
@Injectable()
export class GetDailyPricesUseCase {
  constructor(private readonly catalog: ItemCatalog) {}

  async execute(itemId: string): Promise<DailyPrices[]> {
    const days = await this.catalog.daily(itemId);
    if (days.length === 0) throw new ItemNotFoundError(itemId);
    return days;
  }
}
