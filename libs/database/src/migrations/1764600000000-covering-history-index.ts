import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection also reads an item's latest orders in time order (its noise is measured between
 * consecutive orders, its expected price from the latest ones): the (item_id, ord_closed_dt, id)
 * index now carries the price, so that read and the history stream are index-only scans.
 */
export class CoveringHistoryIndex1764600000000 implements MigrationInterface {
  name = 'CoveringHistoryIndex1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ix_item_historical_pricing_item_date_id_price
      ON item_historical_pricing (item_id, ord_closed_dt, id) INCLUDE (price)`);
    await db.query('DROP INDEX ix_item_historical_pricing_item_date_id');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX ix_item_historical_pricing_item_date_id ON item_historical_pricing (item_id, ord_closed_dt, id)');
    await db.query('DROP INDEX ix_item_historical_pricing_item_date_id_price');
  }
}
