import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const INIT_SQL = resolve('db-seed/init/01-schema-and-seed.sql');
const SEED_CSV = resolve('db-seed/precios_historicos.csv');

/** Tables, columns, indexes, constraints, triggers and trigger functions, whitespace-normalised. */
const SCHEMA_SIGNATURE = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'function ' || proname || ' ' || regexp_replace(prosrc, '\\s+', ' ', 'g') FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  ORDER BY 1`;

/** docker-compose's PostgreSQL loads db-seed/ with this SQL alone: run it here with psql, as its entrypoint does. */
describe('db-seed/init SQL (docker-compose init)', () => {
  let initialised: TestDatabase;
  let migrated: TestDatabase;

  beforeAll(async () => {
    [initialised, migrated] = await Promise.all([createTestDatabase({ bare: true }), createTestDatabase()]);
    await run('psql', [initialised.url, '-q', '-v', `seed_file=${SEED_CSV}`, '-f', INIT_SQL]);
  });
  afterAll(async () => {
    await Promise.all([initialised.drop(), migrated.drop()]);
  });

  it('loads the 175,914 seed rows of 300 items with their history versions', async () => {
    const [counts] = await initialised.query<{ rows: string; items: string; versions: string }>(
      `SELECT (SELECT count(*) FROM item_historical_pricing) AS rows,
              (SELECT count(DISTINCT item_id) FROM item_historical_pricing) AS items,
              (SELECT count(*) FROM item_history_version) AS versions`);
    expect(counts).toEqual({ rows: '175914', items: '300', versions: '300' });
  });

  it('records the seed file as an import with the hash the loader gives it, so uploading it again inserts nothing', async () => {
    const seededByTheApps = await createTestDatabase({ seeded: true }); // seeded through the COPY loader
    try {
      const [{ sha256 }] = await seededByTheApps.query<{ sha256: string }>('SELECT sha256 FROM price_import');
      await expect(initialised.query('SELECT sha256, row_count FROM price_import')).resolves.toEqual([{ sha256, row_count: 175914 }]);
    } finally {
      await seededByTheApps.drop();
    }
  });

  it('builds exactly the schema of the migrations, which then count as applied', async () => {
    const signature = async (db: TestDatabase) => (await db.query<{ item: string }>(SCHEMA_SIGNATURE)).map((row) => row.item);
    expect(await signature(initialised)).toEqual(await signature(migrated));
    const dataSource = await new DataSource(dataSourceOptions(initialised.url, 1)).initialize();
    try {
      await expect(dataSource.showMigrations()).resolves.toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
