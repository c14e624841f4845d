import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../database-unavailable.js';

/** An item's prices as of one version of its history. */
export interface VersionedPrices {
  version: string;
  prices: number[];
}

const LAST_SEEN_LIMIT = 100_000;
const VERSIONS_SQL = 'SELECT item_id, version FROM item_history_version WHERE item_id = ANY($1)';
const PRICES_SQL = `SELECT (SELECT version FROM item_history_version WHERE item_id = $1) AS version,
  price::float8 AS value, count(*)::int AS n
  FROM item_historical_pricing WHERE item_id = $1 GROUP BY price ORDER BY price`;

/** What detection reads: an item's history version (every request) and its prices (cold only). */
export class ItemPricesReader {
  /**
   * Lookups that arrive in the same event-loop turn share one indexed query (each still runs
   * after its request arrived, so a committed change is always seen), as a prepared statement
   * straight on TypeORM's pg pool.
   */
  private readonly versions = new DataLoader<string, string | null>(async (itemIds) => {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const { rows } = await pool.query<{ item_id: string; version: string }>({ name: 'item-history-versions', text: VERSIONS_SQL, values: [itemIds] });
    const byItem = new Map(rows.map((row) => [row.item_id, row.version]));
    return itemIds.map((itemId) => byItem.get(itemId) ?? null);
  }, { cache: false, batchScheduleFn: (flush) => setImmediate(flush) });

  /** The last version seen per item: used only while the database cannot be reached. */
  private readonly lastSeen = new Map<string, string | null>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The current history version, `null` for an unknown item. While the database is unreachable
   * the last version seen answers instead, so warm cached models keep serving (no history can
   * change through a database nobody reaches); an item never seen fails as unavailable.
   */
  async versionOf(itemId: string): Promise<string | null> {
    try {
      const version = await this.versions.load(itemId);
      this.remember(itemId, version);
      return version;
    } catch (error) {
      if (isDatabaseUnavailable(error) && this.lastSeen.has(itemId)) return this.lastSeen.get(itemId)!;
      throw error;
    }
  }

  private remember(itemId: string, version: string | null): void {
    this.lastSeen.delete(itemId);
    this.lastSeen.set(itemId, version);
    if (this.lastSeen.size > LAST_SEEN_LIMIT) this.lastSeen.delete(this.lastSeen.keys().next().value!);
  }

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
