import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bumps the version of every item named in `changed_items` to a fresh value of the global sequence. */
const bumpVersionsOf = (changedItems: string) => `
  INSERT INTO item_history_version (item_id, version)
  SELECT item_id, nextval('item_history_version_seq') FROM (${changedItems}) AS changed
  ON CONFLICT (item_id) DO UPDATE SET version = EXCLUDED.version`;

export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE item_historical_pricing (
        id bigserial PRIMARY KEY,
        item_id varchar(64) NOT NULL,
        ord_closed_dt date NOT NULL,
        price numeric(14,4) NOT NULL CHECK (price > 0)
      )`);
    await db.query(`CREATE INDEX ix_item_historical_pricing_item_date_id
      ON item_historical_pricing (item_id, ord_closed_dt, id)`);

    await db.query(`
      CREATE TABLE price_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256 char(64) NOT NULL CONSTRAINT uq_price_import_sha256 UNIQUE,
        row_count integer NOT NULL,
        file_name varchar(255),
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Versions come from one global sequence, so a version is never reused, even after an item
    // is deleted and loaded again. Triggers keep them current whoever writes the history.
    await db.query(`CREATE SEQUENCE item_history_version_seq`);
    await db.query(`
      CREATE TABLE item_history_version (
        item_id varchar(64) PRIMARY KEY,
        version bigint NOT NULL
      )`);
    // Transition tables allow one event per trigger, hence one small function per event.
    const functions: Record<string, string> = {
      bump_item_history_version_on_insert: bumpVersionsOf('SELECT DISTINCT item_id FROM new_rows'),
      bump_item_history_version_on_delete: bumpVersionsOf('SELECT DISTINCT item_id FROM old_rows'),
      bump_item_history_version_on_update: bumpVersionsOf('SELECT item_id FROM old_rows UNION SELECT item_id FROM new_rows'),
      bump_all_item_history_versions: `UPDATE item_history_version SET version = nextval('item_history_version_seq')`,
    };
    for (const [name, body] of Object.entries(functions)) {
      await db.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${body}; RETURN NULL; END $$`);
    }
    await db.query(`CREATE TRIGGER trg_item_history_version_insert AFTER INSERT ON item_historical_pricing
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_insert()`);
    await db.query(`CREATE TRIGGER trg_item_history_version_delete AFTER DELETE ON item_historical_pricing
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_delete()`);
    await db.query(`CREATE TRIGGER trg_item_history_version_update AFTER UPDATE ON item_historical_pricing
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION bump_item_history_version_on_update()`);
    await db.query(`CREATE TRIGGER trg_item_history_version_truncate AFTER TRUNCATE ON item_historical_pricing
      FOR EACH STATEMENT EXECUTE FUNCTION bump_all_item_history_versions()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE item_historical_pricing`);
    await db.query(`DROP FUNCTION bump_item_history_version_on_insert, bump_item_history_version_on_delete,
      bump_item_history_version_on_update, bump_all_item_history_versions`);
    await db.query(`DROP TABLE item_history_version`);
    await db.query(`DROP SEQUENCE item_history_version_seq`);
    await db.query(`DROP TABLE price_import`);
  }
}
