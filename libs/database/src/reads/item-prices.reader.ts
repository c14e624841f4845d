import DataLoader from 'dataloader';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { ReadReplicas } from '../replicas/read-replicas.js';
import { poolOf } from '../pool-of.js';
import { RECENT_ORDERS, type ItemVersion, type VersionedPrices } from '#libs/price-history';
import { databaseFailureOf } from '../database-failure.js';

const LAST_SEEN_LIMIT = 100_000;
export const DEFAULT_STALE_VERSION_MAX_AGE_MS = 300_000;
/** With the versions, the primary's WAL position: a replica that has replayed it has these versions (or newer). */
const VERSIONS_SQL = 'SELECT item_id, version, pg_current_wal_lsn()::text AS lsn FROM item_history_version WHERE item_id = ANY($1)';
/**
 * One statement, one snapshot: the version; every price grouped by value (an ordered index-only
 * scan of (item_id, price): sticky items repeat few prices many times); the latest orders in time
 * order (an index-only scan of the covering (item_id, ord_closed_dt, id) INCLUDE (price) index).
 */
const PRICES_SQL = `SELECT (SELECT version FROM item_history_version WHERE item_id = $1) AS version, part, value, n, day FROM (
    (SELECT 0 AS part, price::float8 AS value, count(*)::int AS n, 0 AS day FROM item_historical_pricing WHERE item_id = $1 GROUP BY price ORDER BY price)
    UNION ALL
    (SELECT 1, price::float8, (row_number() OVER (ORDER BY ord_closed_dt DESC, id DESC))::int, ord_closed_dt - DATE '1970-01-01'
      FROM item_historical_pricing WHERE item_id = $1 ORDER BY ord_closed_dt DESC, id DESC LIMIT $2)
  ) AS parts`;

/** What detection reads: an item's history version (every request) and its prices (cold only). */
export class ItemPricesReader {
  /**
   * Lookups that arrive in the same event-loop turn share one indexed query (each still runs
   * after its request arrived, so a committed change is always seen), as a prepared statement
   * straight on TypeORM's pg pool.
   */
  private readonly versions = new DataLoader<string, { version: string; lsn: string } | null>(async (itemIds) => {
    const { rows } = await poolOf(this.dataSource).query<{ item_id: string; version: string; lsn: string }>({ name: 'item-history-versions', text: VERSIONS_SQL, values: [itemIds] });
    const byItem = new Map(rows.map((row) => [row.item_id, row]));
    return itemIds.map((itemId) => byItem.get(itemId) ?? null);
  }, { cache: false, batchScheduleFn: (flush) => setImmediate(flush) });

  /**
   * The last version read per item, when, and the primary's WAL position then: it stands in only
   * while the database is unreachable, and tells a replica read how far the replica must have replayed.
   */
  private readonly lastSeen = new Map<string, { version: string | null; lsn?: string; readAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly staleVersionMaxAgeMs = DEFAULT_STALE_VERSION_MAX_AGE_MS,
    private readonly replicas?: ReadReplicas,
  ) {}

  /**
   * The current history version, `null` for an unknown item. Only while the server is
   * unreachable (not while this process's pool is merely busy: then the history may well be
   * changing through other processes) and only for `staleVersionMaxAgeMs` after it was last read,
   * the last version seen answers instead, marked `stale`, so warm models keep serving through
   * a short outage. Anything else fails.
   */
  async versionOf(itemId: string): Promise<ItemVersion | null> {
    try {
      const current = await this.versions.load(itemId);
      this.remember(itemId, current?.version ?? null, current?.lsn);
      return current === null ? null : { version: current.version, stale: false };
    } catch (error) {
      const last = this.lastSeen.get(itemId);
      const fresh = last !== undefined && Date.now() - last.readAt <= this.staleVersionMaxAgeMs;
      if (fresh && databaseFailureOf(error) === 'unreachable') return last.version === null ? null : { version: last.version, stale: true };
      throw error;
    }
  }

  private remember(itemId: string, version: string | null, lsn?: string): void {
    this.lastSeen.delete(itemId);
    this.lastSeen.set(itemId, { version, lsn, readAt: Date.now() });
    if (this.lastSeen.size > LAST_SEEN_LIMIT) this.lastSeen.delete(this.lastSeen.keys().next().value!);
  }

  /**
   * The item's prices, from a replica that has replayed the primary's WAL up to where it was when
   * the item's version was last read (so at that version or newer), else from the primary. The
   * planner's estimates favour hashing NUMERICs from a heap scan for the grouped part, measured 2x
   * slower than the ordered index-only scan, so hashing is off for this query only.
   */
  async pricesOf(itemId: string): Promise<VersionedPrices | null> {
    const lsn = this.lastSeen.get(itemId)?.lsn;
    const replica = lsn && this.replicas?.enabled ? await this.replicas.clientAt(lsn, 'prices') : undefined;
    const rows = replica ? await readPricesOn(replica, itemId).finally(() => replica.release()) : await this.readPricesOnPrimary(itemId);
    if (rows.length === 0) return null;
    const prices: number[] = [];
    const recent: number[] = [];
    const recentDays: number[] = [];
    for (const { part, value, n, day } of rows) {
      if (part === 0) for (let i = 0; i < n; i++) prices.push(value);
      else [recent[n - 1], recentDays[n - 1]] = [value, day]; // n: 1 for the latest order
    }
    return { version: rows[0].version, prices, recent: recent.reverse(), recentDays: recentDays.reverse() };
  }

  private async readPricesOnPrimary(itemId: string): Promise<PriceRow[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_hashagg = off');
      const rows: PriceRow[] = await runner.query(PRICES_SQL, [itemId, RECENT_ORDERS]);
      await runner.commitTransaction();
      return rows;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

interface PriceRow {
  version: string;
  part: number;
  value: number;
  n: number;
  day: number;
}

async function readPricesOn(client: PoolClient, itemId: string): Promise<PriceRow[]> {
  try {
    await client.query('BEGIN READ ONLY');
    await client.query('SET LOCAL enable_hashagg = off');
    const { rows } = await client.query<PriceRow>(PRICES_SQL, [itemId, RECENT_ORDERS]);
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
