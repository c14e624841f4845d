import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { HistoryWindow, PricePoint } from '../../domain/price-point.js';
import type { ItemPrices, VersionedPrices } from '../../use-cases/detect-price-anomaly/item-prices.port.js';
import type { PriceHistoryReader } from '../../use-cases/get-price-history/price-history-reader.port.js';

const STREAM_BATCH_ROWS = 1000;
const PRICES_SQL = `SELECT (SELECT version FROM item_history_version WHERE item_id = $1) AS version,
  price::float8 AS value, count(*)::int AS n
  FROM item_historical_pricing WHERE item_id = $1 GROUP BY price ORDER BY price`;
const VERSIONS_SQL = 'SELECT item_id, version FROM item_history_version WHERE item_id = ANY($1)';

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

  /**
   * Runs on every detection, warm or cold, so it is batched: lookups that arrive in the same
   * event-loop turn share one indexed query (each still runs after its request arrived, so a
   * committed change is always seen), as a prepared statement straight on TypeORM's pg pool.
   */
  versionOf(itemId: string): Promise<string | null> {
    return this.versions.load(itemId);
  }

  private readonly versions = new DataLoader<string, string | null>(async (itemIds) => {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const { rows } = await pool.query<{ item_id: string; version: string }>({ name: 'item-history-versions', text: VERSIONS_SQL, values: [itemIds] });
    const byItem = new Map(rows.map((row) => [row.item_id, row.version]));
    return itemIds.map((itemId) => byItem.get(itemId) ?? null);
  }, { cache: false, batchScheduleFn: (flush) => setImmediate(flush) });

  /**
   * One query: the version and the prices grouped by value in price order, expanded here (sticky
   * items repeat few prices many times; price order also makes a model independent of insertion
   * order). The planner's estimates favour hashing NUMERICs from a heap scan, measured 2x slower
   * than the ordered index-only scan of (item_id, price), so hashing is off for this query only.
   */
  async pricesOf(itemId: string): Promise<VersionedPrices | null> {
    const runner = this.dataSource.createQueryRunner();
    let groups: { version: string; value: number; n: number }[];
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_hashagg = off');
      groups = await runner.query(PRICES_SQL, [itemId]);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    if (groups.length === 0) return null;
    const prices: number[] = [];
    for (const { value, n } of groups) for (let i = 0; i < n; i++) prices.push(value);
    return { version: groups[0].version, prices };
  }
}
