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

  /**
   * One query: the version and the prices grouped by value in price order (an index-only scan;
   * sticky items repeat few prices many times), expanded here. Price order also makes the model
   * independent of insertion order.
   */
  async pricesOf(itemId: string): Promise<VersionedPrices | null> {
    const groups: { version: string; price: number; n: number }[] = await this.dataSource.query(
      `SELECT (SELECT version FROM item_history_version WHERE item_id = $1) AS version, price::float8 AS price, count(*)::int AS n
       FROM item_historical_pricing WHERE item_id = $1 GROUP BY price ORDER BY price`, [itemId]);
    if (groups.length === 0) return null;
    const prices: number[] = [];
    for (const { price, n } of groups) for (let i = 0; i < n; i++) prices.push(price);
    return { version: groups[0].version, prices };
  }
}
