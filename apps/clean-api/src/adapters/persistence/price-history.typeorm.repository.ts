import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { historySummary, ItemPricesReader, ReadReplicas, streamOrdersOutside, streamPriceHistory } from '#libs/database';
import type { HistorySummary } from '../../domain/anomaly-verdict.js';
import type { HistoryRow, HistoryWindow, ItemVersion, PricePoint, VersionedPrices } from '../../domain/price-point.js';
import type { ItemPrices } from '../../use-cases/detect-price-anomaly/item-prices.port.js';
import type { PriceHistoryReader } from '../../use-cases/get-price-history/price-history-reader.port.js';

/** The ports' persistence, on the shared readers of libs/database (the MVC app uses the same SQL). */
@Injectable()
export class PriceHistoryTypeOrmRepository implements PriceHistoryReader, ItemPrices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly itemPrices: ItemPricesReader,
    private readonly replicas: ReadReplicas,
  ) {}

  async *stream(itemId: string, window: HistoryWindow): AsyncGenerator<PricePoint> {
    for await (const row of streamPriceHistory(this.dataSource, itemId, window, this.replicas)) yield { itemId, ...row };
  }

  summary(itemId: string): Promise<HistorySummary> {
    return historySummary(this.dataSource, itemId);
  }

  ordersOutside(itemId: string, below: number, above: number): AsyncIterable<readonly HistoryRow[]> {
    return streamOrdersOutside(this.dataSource, itemId, below, above);
  }

  versionOf(itemId: string): Promise<ItemVersion | null> {
    return this.itemPrices.versionOf(itemId);
  }

  pricesOf(itemId: string): Promise<VersionedPrices | null> {
    return this.itemPrices.pricesOf(itemId);
  }
}
