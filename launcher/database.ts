import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EmbeddedPostgresServer, migrateDatabase } from '#libs/database';

export interface LaunchedDatabase {
  url: string;
  /** False when an embedded server was already running (and maybe serving apps) or for DATABASE_URL. */
  startedHere: boolean;
  /** Stops the embedded server; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL kept in `.data/postgres` (PGDATA_DIR). */
export async function launchDatabase(log: (line: string) => void): Promise<LaunchedDatabase> {
  if (process.env.DATABASE_URL) {
    log(`database: DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
    return { url: process.env.DATABASE_URL, startedHere: false, stop: async () => undefined };
  }
  const server = new EmbeddedPostgresServer({ dataDir: process.env.PGDATA_DIR ?? resolve('.data/postgres') });
  const started = Date.now();
  const { url, startedHere } = await server.start();
  log(`database: embedded PostgreSQL in ${server.dataDir} (${startedHere ? `started in ${Date.now() - started} ms` : 'already running, adopted'})`);
  return { url, startedHere, stop: () => server.stop() };
}

/** Runs migrations, then `work` with a short-lived connection. */
export async function withMigratedDatabase<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    await migrateDatabase(dataSource);
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
