import type { DataSource } from 'typeorm';

/** Any fixed key: serialises schema changes and seeding between processes starting together. */
const SCHEMA_LOCK_KEY = 7_146_205_113;

/** Runs `work` while holding a database-wide advisory lock (both apps may start at once). */
export async function withSchemaLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export async function migrateDatabase(dataSource: DataSource): Promise<void> {
  await withSchemaLock(dataSource, () => dataSource.runMigrations({ transaction: 'all' }));
}
