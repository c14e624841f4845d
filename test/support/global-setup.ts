import './resolve-ts-sources.cjs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EmbeddedPostgresServer, migrateDatabase } from '#libs/database';
import { seedDatabase } from '#db-seed';
import { databaseUrlFor, TEMPLATE_EMPTY, TEMPLATE_SEEDED } from './test-database.js';

/**
 * One real PostgreSQL for the whole run: the server named by DATABASE_URL, or an embedded one
 * in a temporary directory. Two template databases (migrated; migrated + seeded) make every
 * suite's own database a fast `CREATE DATABASE ... TEMPLATE`.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'price-anomaly-test-'));
    await chmod(dir, 0o755); // the postgres OS user must reach the data dir when we run as root
    const server = new EmbeddedPostgresServer({ dataDir: join(dir, 'pg'), database: 'postgres' });
    serverUrl = (await server.start()).url;
    (globalThis as Record<string, unknown>).__embeddedPostgres = server;
  }
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_RUN_ID = `${process.pid}`;

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const template of [TEMPLATE_EMPTY, TEMPLATE_SEEDED]) {
      await admin.query(`DROP DATABASE IF EXISTS ${template()}`);
      await admin.query(`CREATE DATABASE ${template()}`);
      const dataSource = await new DataSource(dataSourceOptions(databaseUrlFor(template()), 2)).initialize();
      try {
        await migrateDatabase(dataSource);
        if (template === TEMPLATE_SEEDED) await seedDatabase(dataSource);
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await admin.end();
  }
}
