import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import type { HistoryRow, HistoryWindow } from '#libs/price-history';
import type { ReadReplicas } from '../replicas/read-replicas.js';

const BATCH_ROWS = 1000;

const COLUMNS = `SELECT to_char(ord_closed_dt, 'YYYY-MM-DD'), price::text FROM item_historical_pricing WHERE item_id = $1`;
const SUMMARY = `SELECT count(*)::int AS count, to_char(min(ord_closed_dt), 'YYYY-MM-DD') AS "firstDate", to_char(max(ord_closed_dt), 'YYYY-MM-DD') AS "lastDate"
  FROM item_historical_pricing WHERE item_id = $1`;

/**
 * An item's orders oldest first (ties in insertion order), one at a time: see `streamPages`. With
 * replicas, from one that has replayed everything committed on the primary when the read began
 * (a user reads their own writes), else from the primary.
 */
export async function* streamPriceHistory(dataSource: DataSource, itemId: string, window: HistoryWindow, replicas?: ReadReplicas): AsyncGenerator<HistoryRow> {
  const params: unknown[] = [itemId];
  const param = (value: unknown) => `$${params.push(value)}`;
  let sql = COLUMNS;
  if (window.from) sql += ` AND ord_closed_dt >= ${param(window.from)}`;
  if (window.to) sql += ` AND ord_closed_dt <= ${param(window.to)}`;
  sql += ' ORDER BY ord_closed_dt, id';
  if (window.limit !== undefined) sql += ` LIMIT ${param(window.limit)}`;
  if (window.offset) sql += ` OFFSET ${param(window.offset)}`;
  const replica = replicas?.enabled ? await replicas.clientAt(await replicas.primaryLsn(), 'history') : undefined;
  const connection = replica ? { client: replica, release: async () => replica.release() } : await primaryConnection(dataSource);
  for await (const page of streamPages(connection, sql, params)) yield* page;
}

interface Connection {
  client: PoolClient;
  release(): Promise<void>;
}

async function primaryConnection(dataSource: DataSource): Promise<Connection> {
  const runner = dataSource.createQueryRunner();
  return { client: (await runner.connect()) as PoolClient, release: () => runner.release() };
}

/** An item's orders priced below `below` or above `above`, oldest first, a page at a time (the (item_id, price) index finds them). */
export async function* streamOrdersOutside(dataSource: DataSource, itemId: string, below: number, above: number): AsyncGenerator<HistoryRow[]> {
  yield* streamPages(await primaryConnection(dataSource), `${COLUMNS} AND (price < $2 OR price > $3) ORDER BY ord_closed_dt, id`, [itemId, below, above]);
}

/** How many orders an item has, and its first and last day (an index-only scan). */
export async function historySummary(dataSource: DataSource, itemId: string): Promise<{ count: number; firstDate: string | null; lastDate: string | null }> {
  const [summary] = await dataSource.query(SUMMARY, [itemId]);
  return summary;
}

/**
 * Rows from a server-side cursor, a page of up to 1,000 at a time: never the whole history in
 * memory; the connection is held only while streaming and released even if the consumer stops early.
 */
async function* streamPages(connection: Connection, sql: string, params: unknown[]): AsyncGenerator<HistoryRow[]> {
  try {
    const rows = connection.client.query(new QueryStream(sql, params, { batchSize: BATCH_ROWS, rowMode: 'array' }));
    let page: HistoryRow[] = [];
    for await (const [ordClosedDt, price] of rows as AsyncIterable<[string, string]>) {
      page.push({ ordClosedDt, price: Number(price) });
      if (page.length < BATCH_ROWS) continue;
      yield page;
      page = [];
    }
    if (page.length) yield page;
  } finally {
    await connection.release();
  }
}
