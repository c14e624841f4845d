import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedDatabase } from '#db-seed';
import { dataSourceOptions, EmbeddedPostgresServer, migrateDatabase } from '#libs/database';

export interface BenchDatabase {
  url: string;
  /** Where the data came from, for the report. */
  description: string;
  /** A small pool for the bench's own queries (item list, version bumps). */
  dataSource: DataSource;
  /** Closes the pool and, when started here, stops the server and deletes its directory. */
  close(): Promise<void>;
}

/** DATABASE_URL when set (migrated and seeded if empty); otherwise a throwaway embedded PostgreSQL. */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => log(`cleanup failed: ${String(error)}`));
  };
  try {
    let url = process.env.DATABASE_URL;
    let description = 'DATABASE_URL';
    if (!url) {
      const dir = await mkdtemp(join(tmpdir(), 'bench-pg-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      // As root, PostgreSQL runs as the `postgres` user, which must traverse into the data directory.
      await chmod(dir, 0o755);
      const server = new EmbeddedPostgresServer({ dataDir: join(dir, 'data') });
      const started = Date.now();
      url = (await server.start()).url;
      cleanups.push(() => server.stop());
      description = `embedded PostgreSQL in a temp dir (started in ${Date.now() - started} ms)`;
    }
    log(`database: ${description}`);
    const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
    cleanups.push(() => dataSource.destroy());
    await migrateDatabase(dataSource);
    const seeding = Date.now();
    const inserted = await seedDatabase(dataSource);
    log(inserted ? `seeded ${inserted} rows in ${Date.now() - seeding} ms` : 'database already seeded');
    return { url, description, dataSource, close };
  } catch (error) {
    await close();
    throw error;
  }
}
