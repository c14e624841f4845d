import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CleanApiProcess } from './support/clean-api-process.js';
import { freshDatabase, generatedFile, throwawayPostgres } from './support/throwaway-postgres.js';
import { HttpClient } from './support/http-client.js';
import { uploadFile } from './support/multipart-upload.js';

/**
 * `npm run bench:import`: 1M rows through (a) PostgreSQL's COPY FROM STDIN straight into the
 * history table and (b) the HTTP upload into an identical empty database, then a 10M-row upload
 * for time and peak RSS. Loopback only; every phase is one bounded operation.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const LARGE_ROWS = Number(process.env.BENCH_IMPORT_LARGE_ROWS ?? 10_000_000);
const log = (line: string) => console.error(`[bench:import] ${line}`);
const cleanups: Array<() => Promise<unknown>> = [];

async function timedCopy(url: string, sql: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(sql)));
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const { server, dir } = await throwawayPostgres('bench-import-', cleanups);
  const file = await generatedFile(ROWS, 11, dir, log);

  const copyDb = await freshDatabase(server, 'bench_copy');
  const client = new pg.Client({ connectionString: copyDb });
  await client.connect();
  await client.query('CREATE TABLE bare_copy (item_id varchar(64), ord_closed_dt date, price numeric(14,4))');
  await client.end();
  const bareMs = await timedCopy(copyDb, 'COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)', file);
  log(`(context) raw COPY into a bare table without indexes: ${(bareMs / 1000).toFixed(2)} s`);
  const copyMs = await timedCopy(copyDb, 'COPY item_historical_pricing (item_id, ord_closed_dt, price) FROM STDIN WITH (FORMAT csv, HEADER true)', file);
  log(`(a) COPY FROM STDIN into item_historical_pricing: ${(copyMs / 1000).toFixed(2)} s`);

  const uploadDb = await freshDatabase(server, 'bench_upload');
  const app = await CleanApiProcess.start(uploadDb);
  cleanups.push(() => app.stop());
  await app.waitUntilLive(new HttpClient(app.baseUrl, 5000), 30_000);
  const upload = await uploadFile(app.baseUrl, file);
  if (upload.status !== 201) throw new Error(`upload answered ${upload.status}: ${upload.body.slice(0, 300)}`);
  const afterUpload = await app.memoryUse();
  log(`(b) HTTP upload: ${(upload.elapsedMs / 1000).toFixed(2)} s, server peak RSS ${(afterUpload.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);

  let large: { rows: number; ms: number; peak: number; mb: number } | undefined;
  if (LARGE_ROWS > 0) {
    const largeFile = await generatedFile(LARGE_ROWS, 12, dir, log);
    const largeUpload = await uploadFile(app.baseUrl, largeFile);
    if (largeUpload.status !== 201) throw new Error(`large upload answered ${largeUpload.status}: ${largeUpload.body.slice(0, 300)}`);
    large = { rows: LARGE_ROWS, ms: largeUpload.elapsedMs, peak: (await app.memoryUse()).peakRssBytes, mb: (await stat(largeFile)).size / 1e6 };
    log(`${LARGE_ROWS}-row upload: ${(largeUpload.elapsedMs / 1000).toFixed(1)} s, server peak RSS ${(large.peak / 2 ** 20).toFixed(0)} MiB`);
  }

  const ratio = rate(ROWS, upload.elapsedMs) / rate(ROWS, copyMs);
  console.log(`Machine: ${cpus()[0]?.model ?? '?'} x ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
  console.log(`Database: embedded PostgreSQL, fresh migrated databases (history table with its primary key, two indexes and the version trigger)\n`);
  console.log('| measurement | rows | time | rows/s | target | result |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| (context) COPY FROM STDIN into a bare table, no indexes | ${fmt(ROWS)} | ${(bareMs / 1000).toFixed(2)} s | ${fmt(rate(ROWS, bareMs))} |  |  |`);
  console.log(`| (a) COPY FROM STDIN into item_historical_pricing | ${fmt(ROWS)} | ${(copyMs / 1000).toFixed(2)} s | ${fmt(rate(ROWS, copyMs))} |  |  |`);
  console.log(`| (b) HTTP upload, POST /cargarCsvHistorico | ${fmt(ROWS)} | ${(upload.elapsedMs / 1000).toFixed(2)} s | ${fmt(rate(ROWS, upload.elapsedMs))} |  |  |`);
  console.log(`| (b) / (a) | | | ${(100 * ratio).toFixed(0)} % | >= 60 % | ${ratio >= 0.6 ? 'PASS' : 'FAIL'} |`);
  console.log(`| server peak RSS during (b) | | | ${(afterUpload.peakRssBytes / 2 ** 20).toFixed(0)} MiB |  |  |`);
  if (large) {
    console.log(`| HTTP upload, ${(large.mb).toFixed(0)} MB file | ${fmt(large.rows)} | ${(large.ms / 1000).toFixed(1)} s | ${fmt(rate(large.rows, large.ms))} |  |  |`);
    console.log(`| server peak RSS after the ${fmt(large.rows)}-row upload | | | ${(large.peak / 2 ** 20).toFixed(0)} MiB | < 300 MB | ${large.peak < 300e6 ? 'PASS' : 'FAIL'} |`);
  }
}

try {
  await main();
} catch (error) {
  log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
