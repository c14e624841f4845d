/**
 * `npm run bench:partition`: should item_historical_pricing be hash-partitioned by item_id? The
 * same 10M generated rows plus the seed go into two fresh databases on one embedded PostgreSQL,
 * one with the table as the migrations make it and one hash-partitioned into 16 (same columns,
 * indexes and version triggers; the primary key becomes (item_id, id), as a partitioned table
 * needs its key in it); then the same reads are timed on both. Bounded: one load and a fixed
 * number of reads per database.
 */
import { createReadStream } from 'node:fs';
import { cpus } from 'node:os';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { seedDatabase } from '#db-seed';
import { dataSourceOptions, ItemPricesReader, streamPriceHistory, type EmbeddedPostgresServer } from '#libs/database';
import { median } from './support/stats.js';
import { freshDatabase, generatedFile, throwawayPostgres } from './support/throwaway-postgres.js';

const ROWS = Number(process.env.BENCH_PARTITION_ROWS ?? 10_000_000);
const PARTITIONS = 16;
const READS = 15;
const BIG_ITEM = 'MLB3836655204';
const SMALL_ITEM = 'MLB4121702331';
const log = (line: string) => console.error(`[bench:partition] ${line}`);
const cleanups: Array<() => Promise<unknown>> = [];

/** The history table as the migrations make it, turned into a hash-partitioned one while still empty. */
const PARTITIONED = [
  'ALTER TABLE item_historical_pricing RENAME TO item_historical_pricing_plain',
  `CREATE TABLE item_historical_pricing (
     id bigint NOT NULL DEFAULT nextval('item_historical_pricing_id_seq'),
     item_id varchar(64) NOT NULL, ord_closed_dt date NOT NULL, price numeric(14,4) NOT NULL CHECK (price > 0),
     PRIMARY KEY (item_id, id)
   ) PARTITION BY HASH (item_id)`,
  ...Array.from({ length: PARTITIONS }, (_, r) => `CREATE TABLE item_historical_pricing_p${r} PARTITION OF item_historical_pricing FOR VALUES WITH (MODULUS ${PARTITIONS}, REMAINDER ${r})`),
  'CREATE INDEX ON item_historical_pricing (item_id, ord_closed_dt, id) INCLUDE (price)',
  'CREATE INDEX ON item_historical_pricing (item_id, price)',
  'ALTER SEQUENCE item_historical_pricing_id_seq OWNED BY item_historical_pricing.id',
  `CREATE TRIGGER trg_item_history_version_insert AFTER INSERT ON item_historical_pricing
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_insert()`,
  `CREATE TRIGGER trg_item_history_version_delete AFTER DELETE ON item_historical_pricing
     REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_delete()`,
  `CREATE TRIGGER trg_item_history_version_update AFTER UPDATE ON item_historical_pricing
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_update()`,
  `CREATE TRIGGER trg_item_history_version_truncate AFTER TRUNCATE ON item_historical_pricing
     FOR EACH STATEMENT EXECUTE FUNCTION bump_all_item_history_versions()`,
  'DROP TABLE item_historical_pricing_plain',
];

interface Figures {
  importMs: number;
  coldBig: number;
  coldSmall: number;
  historyBig: number;
  bytes: number;
}

async function measure(server: EmbeddedPostgresServer, name: string, partitioned: boolean, file: string): Promise<Figures> {
  const url = await freshDatabase(server, name);
  const dataSource = await new DataSource(dataSourceOptions(url, 4)).initialize();
  try {
    if (partitioned) for (const sql of PARTITIONED) await dataSource.query(sql);
    await seedDatabase(dataSource);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom('COPY item_historical_pricing (item_id, ord_closed_dt, price) FROM STDIN WITH (FORMAT csv, HEADER true)')));
    const importMs = performance.now() - started;
    log(`${name}: ${ROWS} rows in ${(importMs / 1000).toFixed(1)} s`);
    // Steady state: what autovacuum leaves behind (visibility map set, so index-only scans stay index-only).
    await client.query('VACUUM (ANALYZE) item_historical_pricing');
    const { rows } = await client.query<{ bytes: string }>("SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c WHERE c.relname LIKE 'item_historical_pricing%' AND c.relkind IN ('r', 'p')");
    await client.end();

    const reader = new ItemPricesReader(dataSource);
    const cold = async (itemId: string) => {
      const times: number[] = [];
      for (let i = 0; i < READS; i++) {
        const began = performance.now();
        await reader.versionOf(itemId);
        const prices = await reader.pricesOf(itemId);
        times.push(performance.now() - began);
        if (!prices?.prices.length) throw new Error(`${itemId} has no prices in ${name}`);
      }
      return median(times);
    };
    const history = async (itemId: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const began = performance.now();
        let count = 0;
        for await (const _row of streamPriceHistory(dataSource, itemId, {})) count++;
        times.push(performance.now() - began);
        if (count === 0) throw new Error(`${itemId} has no history in ${name}`);
      }
      return median(times);
    };
    return { importMs, coldBig: await cold(BIG_ITEM), coldSmall: await cold(SMALL_ITEM), historyBig: await history(BIG_ITEM), bytes: Number(rows[0].bytes) };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const { server, dir } = await throwawayPostgres('bench-partition-', cleanups);
  const file = await generatedFile(ROWS, 21, dir, log);

  const plain = await measure(server, 'bench_plain', false, file);
  const hashed = await measure(server, 'bench_partitioned', true, file);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}x`;
  const rows = [
    [`import: COPY of ${ROWS.toLocaleString('en-US')} rows (rows/s)`, Math.round(ROWS / (plain.importMs / 1000)).toLocaleString('en-US'), Math.round(ROWS / (hashed.importMs / 1000)).toLocaleString('en-US'), ratio(plain.importMs, hashed.importMs)],
    [`cold detect read, ${BIG_ITEM} (96,448 rows), median of ${READS}`, ms(plain.coldBig), ms(hashed.coldBig), ratio(plain.coldBig, hashed.coldBig)],
    [`cold detect read, ${SMALL_ITEM} (100 rows), median of ${READS}`, ms(plain.coldSmall), ms(hashed.coldSmall), ratio(plain.coldSmall, hashed.coldSmall)],
    [`full history of ${BIG_ITEM}, median of 5`, ms(plain.historyBig), ms(hashed.historyBig), ratio(plain.historyBig, hashed.historyBig)],
    ['table and index size', `${(plain.bytes / 2 ** 20).toFixed(0)} MiB`, `${(hashed.bytes / 2 ** 20).toFixed(0)} MiB`, ratio(plain.bytes, hashed.bytes)],
  ];
  console.log(`Machine: ${cpus()[0]?.model ?? '?'} x ${cpus().length}, Node ${process.version}; embedded PostgreSQL; ${(ROWS + 175_914).toLocaleString('en-US')} rows in each database\n`);
  console.log(`| measurement | unpartitioned | hash-partitioned (${PARTITIONS}) | partitioned / unpartitioned (time or size; >1 is worse) |`);
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

try {
  await main();
} catch (error) {
  log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
