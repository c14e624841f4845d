import type { DataSource } from 'typeorm';
import { poolOf } from '../pool-of.js';
import type { CatalogItem, DailyPrices, ItemListing } from '#libs/price-history';

/** Items by id prefix (ids in order), or those with the most open alerts first. */
const BY_ID = `SELECT v.item_id, coalesce(a.open_alerts, 0)::int AS open_alerts FROM item_history_version v
  LEFT JOIN (SELECT item_id, count(*) AS open_alerts FROM price_alert WHERE status = 'open' GROUP BY item_id) a USING (item_id)
  WHERE starts_with(v.item_id, $1) AND EXISTS (SELECT 1 FROM item_historical_pricing h WHERE h.item_id = v.item_id)
  ORDER BY v.item_id LIMIT $2`;
const BY_OPEN_ALERTS = `SELECT item_id, count(*)::int AS open_alerts FROM price_alert
  WHERE status = 'open' AND starts_with(item_id, $1) GROUP BY item_id ORDER BY open_alerts DESC, item_id LIMIT $2`;
/** One row per day: what a chart of a long history draws instead of every order (an index-only scan of the covering index). */
const DAILY = `SELECT to_char(ord_closed_dt, 'YYYY-MM-DD') AS day, min(price)::float8 AS min,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY price))::float8 AS median, max(price)::float8 AS max, count(*)::int AS orders
  FROM item_historical_pricing WHERE item_id = $1 GROUP BY ord_closed_dt ORDER BY ord_closed_dt`;

/** What the console looks items up by: ids, open alerts, and a day-by-day summary of a history. */
export class ItemCatalogReader {
  constructor(private readonly dataSource: DataSource) {}

  async list({ prefix, limit, order }: ItemListing): Promise<CatalogItem[]> {
    const { rows } = await poolOf(this.dataSource).query<{ item_id: string; open_alerts: number }>(order === 'open_alerts' ? BY_OPEN_ALERTS : BY_ID, [prefix, limit]);
    return rows.map((row) => ({ itemId: row.item_id, openAlerts: row.open_alerts }));
  }

  /** Oldest day first; empty for an item without history. */
  async daily(itemId: string): Promise<DailyPrices[]> {
    const { rows } = await poolOf(this.dataSource).query<DailyPrices>(DAILY, [itemId]);
    return rows;
  }
}
