import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import type { HistoryRow, HistoryWindow } from '#libs/price-history';

const BATCH_ROWS = 1000;

/**
 * An item's orders oldest first (ties in insertion order) from a server-side cursor over the
 * (item_id, ord_closed_dt, id) index: never the whole history in memory; the connection is held
 * only while streaming and released even if the consumer stops early.
 */
export async function* streamPriceHistory(dataSource: DataSource, itemId: string, window: HistoryWindow): AsyncGenerator<HistoryRow> {
  const params: unknown[] = [itemId];
  const param = (value: unknown) => `$${params.push(value)}`;
  let sql = `SELECT to_char(ord_closed_dt, 'YYYY-MM-DD'), price::text FROM item_historical_pricing WHERE item_id = $1`;
  if (window.from) sql += ` AND ord_closed_dt >= ${param(window.from)}`;
  if (window.to) sql += ` AND ord_closed_dt <= ${param(window.to)}`;
  sql += ' ORDER BY ord_closed_dt, id';
  if (window.limit !== undefined) sql += ` LIMIT ${param(window.limit)}`;
  if (window.offset) sql += ` OFFSET ${param(window.offset)}`;

  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const rows = client.query(new QueryStream(sql, params, { batchSize: BATCH_ROWS, rowMode: 'array' }));
    for await (const [ordClosedDt, price] of rows as AsyncIterable<[string, string]>) yield { ordClosedDt, price: Number(price) };
  } finally {
    await runner.release();
  }
}
