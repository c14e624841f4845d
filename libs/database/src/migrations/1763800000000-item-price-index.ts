import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cold detections read an item's prices grouped by value (sticky items repeat a few prices many
 * times): with (item_id, price) that is an ordered index-only scan, measured 2x faster on the
 * 96k-row item than hashing NUMERICs from the heap.
 */
export class ItemPriceIndex1763800000000 implements MigrationInterface {
  name = 'ItemPriceIndex1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX ix_item_historical_pricing_item_price ON item_historical_pricing (item_id, price)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ix_item_historical_pricing_item_price');
  }
}
