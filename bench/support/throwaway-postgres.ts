import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EmbeddedPostgresServer, migrateDatabase } from '#libs/database';

const run = promisify(execFile);

/** An embedded PostgreSQL in a temp dir of its own; `cleanups` stop it and delete the dir. */
export async function throwawayPostgres(prefix: string, cleanups: Array<() => Promise<unknown>>): Promise<{ server: EmbeddedPostgresServer; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data dir
  const server = new EmbeddedPostgresServer({ dataDir: join(dir, 'pg') });
  await server.start();
  cleanups.push(() => server.stop());
  return { server, dir };
}

/** A fresh database on `server` with the migrations applied; its URL. */
export async function freshDatabase(server: EmbeddedPostgresServer, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.url.replace(/\/[^/]*$/, `/${name}`);
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  await migrateDatabase(dataSource);
  await dataSource.destroy();
  return url;
}

/** A csv-generator file of `rows` rows in `dir`. */
export async function generatedFile(rows: number, seed: number, dir: string, log: (line: string) => void): Promise<string> {
  const out = join(dir, `prices-${rows}-${seed}.csv`);
  const started = performance.now();
  await run(process.execPath, [resolve('dist/csv-generator/src/cli.js'), '--rows', String(rows), '--seed', String(seed), '--out', out]);
  log(`generated ${rows} rows (${((await stat(out)).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return out;
}
