import { createReadStream } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { PriceHistoryBulkLoader, withSchemaLock } from '#libs/database';

const here = dirname(fileURLToPath(import.meta.url));
/** Sources run from db-seed/src, compiled code from dist/db-seed/src; the CSV stays in db-seed/. */
export const SEED_FILE = process.env.SEED_FILE
  ?? resolve(here, here.includes(`${sep}dist${sep}`) ? '../../../db-seed' : '..', 'precios_historicos.csv');

/**
 * Loads the seed file into an empty history, through the same loader as uploads (so it is
 * recorded as an import, and uploading the seed file again inserts nothing). Returns rows inserted.
 */
export async function seedDatabase(dataSource: DataSource, file = SEED_FILE): Promise<number> {
  return withSchemaLock(dataSource, async () => {
    const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM item_historical_pricing) AS empty');
    if (!empty) return 0;
    const result = await new PriceHistoryBulkLoader(dataSource).load(createReadStream(file), basename(file));
    // Fresh statistics and visibility map: good plans and index-only scans from the first request.
    await dataSource.query('VACUUM (ANALYZE) item_historical_pricing');
    return result.inserted;
  });
}

/** Empties the history and its imports, then seeds again (`npm run db:reset`). */
export async function reseedDatabase(dataSource: DataSource, file = SEED_FILE): Promise<number> {
  await dataSource.query('TRUNCATE item_historical_pricing, price_import RESTART IDENTITY');
  return seedDatabase(dataSource, file);
}
