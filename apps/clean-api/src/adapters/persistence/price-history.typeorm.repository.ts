import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { HistoryWindow, PricePoint } from '../../domain/price-point.js';
import type { ItemPrices, VersionedPrices } from '../../use-cases/detect-price-anomaly/item-prices.port.js';
import type { PriceHistoryReader } from '../../use-cases/get-price-history/price-history-reader.port.js';

const STREAM_BATCH_ROWS = 1000;

@Injectable()
export class PriceHistoryTypeOrmRepository implements PriceHistoryReader, ItemPrices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A server-side cursor over the (item_id, ord_closed_dt, id) index; the connection is held only while streaming. */
  async *stream(itemId: string, window: HistoryWindow): AsyncGenerator<PricePoint> {
    const params: unknown[] = [itemId];
    const param = (value: unknown) => `$${params.push(value)}`;
    let sql = `SELECT to_char(ord_closed_dt, 'YYYY-MM-DD'), price::text FROM item_historical_pricing WHERE item_id = $1`;
    if (window.from) sql += ` AND ord_closed_dt >= ${param(window.from)}`;
    if (window.to) sql += ` AND ord_closed_dt <= ${param(window.to)}`;
    sql += ' ORDER BY ord_closed_dt, id';
    if (window.limit !== undefined) sql += ` LIMIT ${param(window.limit)}`;
    if (window.offset) sql += ` OFFSET ${param(window.offset)}`;

    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const rows = client.query(new QueryStream(sql, params, { batchSize: STREAM_BATCH_ROWS, rowMode: 'array' }));
      for await (const [ordClosedDt, price] of rows as AsyncIterable<[string, string]>) {
        yield { itemId, ordClosedDt, price: Number(price) };
      }
    } finally {
      await runner.release();
    }
  }

  async versionOf(itemId: string): Promise<string | null> {
    const rows: { version: string }[] = await this.dataSource.query(
      'SELECT version FROM item_history_version WHERE item_id = $1', [itemId]);
    return rows[0]?.version ?? null;
  }

  /** One query, one row: the version and every price as a float8 array, read in the same snapshot. */
  async pricesOf(itemId: string): Promise<VersionedPrices | null> {
    const rows: { version: string; prices: number[] | null }[] = await this.dataSource.query(
      `SELECT v.version,
              (SELECT array_agg(h.price::float8) FROM item_historical_pricing h WHERE h.item_id = v.item_id) AS prices
       FROM item_history_version v WHERE v.item_id = $1`, [itemId]);
    const found = rows[0];
    return found?.prices?.length ? { version: found.version, prices: found.prices } : null;
  }
}
