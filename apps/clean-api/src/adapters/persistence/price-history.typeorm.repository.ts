import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ItemPricesReader, streamPriceHistory } from '../../../../../libs/database/src/index.js';
import type { HistoryWindow, PricePoint } from '../../domain/price-point.js';
import type { ItemPrices, VersionedPrices } from '../../use-cases/detect-price-anomaly/item-prices.port.js';
import type { PriceHistoryReader } from '../../use-cases/get-price-history/price-history-reader.port.js';

/** The ports' persistence, on the shared readers of libs/database (the MVC app uses the same SQL). */
@Injectable()
export class PriceHistoryTypeOrmRepository implements PriceHistoryReader, ItemPrices {
  private readonly itemPrices: ItemPricesReader;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.itemPrices = new ItemPricesReader(dataSource);
  }

  async *stream(itemId: string, window: HistoryWindow): AsyncGenerator<PricePoint> {
    for await (const row of streamPriceHistory(this.dataSource, itemId, window)) yield { itemId, ...row };
  }

  versionOf(itemId: string): Promise<string | null> {
    return this.itemPrices.versionOf(itemId);
  }

  pricesOf(itemId: string): Promise<VersionedPrices | null> {
    return this.itemPrices.pricesOf(itemId);
  }
}
