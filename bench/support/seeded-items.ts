import type { DataSource } from 'typeorm';

export interface SeededItem {
  itemId: string;
  rows: number;
  /** A price the model sees as ordinary, so the warm phase measures the common verdict. */
  medianPrice: number;
}

export async function seededItems(dataSource: DataSource): Promise<SeededItem[]> {
  const rows: Array<{ item_id: string; rows: string; median: string }> = await dataSource.query(`
    SELECT item_id, count(*) AS rows, percentile_disc(0.5) WITHIN GROUP (ORDER BY price) AS median
    FROM item_historical_pricing GROUP BY item_id ORDER BY item_id`);
  return rows.map((row) => ({ itemId: row.item_id, rows: Number(row.rows), medianPrice: Number(row.median) }));
}

/** The item whose history is closest to 100 rows: "an ordinary item" for the cold measurement. */
export function typicalItem(items: readonly SeededItem[], targetRows = 100): SeededItem {
  const [closest] = [...items].sort((a, b) => Math.abs(a.rows - targetRows) - Math.abs(b.rows - targetRows) || a.itemId.localeCompare(b.itemId));
  if (!closest) throw new Error('the database has no items');
  return closest;
}

/**
 * Rewrites one row with its own value: the data stays the same but the UPDATE trigger bumps the
 * item's history version, so the app's next detection for it has to build a fresh model.
 */
export async function bumpHistoryVersion(dataSource: DataSource, itemId: string): Promise<void> {
  const [, affected] = await dataSource.query(
    'UPDATE item_historical_pricing SET price = price WHERE id = (SELECT min(id) FROM item_historical_pricing WHERE item_id = $1)',
    [itemId],
  );
  if (affected !== 1) throw new Error(`bumping the version of ${itemId} touched ${affected} rows`);
}
