import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { seedDatabase } from '#db-seed';
import { dataSourceOptions, migrateDatabase } from '#libs/database';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { priceCsv } from '../support/price-csv-builder.js';
import { startReplicatedPostgres, type ReplicatedPostgres } from '../support/replicated-postgres.js';
import { startApp, type RunningApp } from '../support/running-app.js';
import { until } from '../support/wait.js';

const DATABASE = 'price_anomaly';
/** The replica replays 3 s behind the primary: long enough to read at once through it, short enough to wait for. */
const APPLY_DELAY_MS = 3000;
const BIG_ITEM = 'MLB3836655204';

/**
 * DATABASE_REPLICA_URLS against a real streaming replica (pg_basebackup -R) held behind by
 * recovery_min_apply_delay: what is read from it is never older than what the primary has
 * committed, and it serves once it has caught up.
 */
describe('read replicas', () => {
  let cluster: ReplicatedPostgres;
  let writer: RunningApp;
  let reader: RunningApp;
  const reads = async (app: RunningApp, kind: string) => {
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    const bySource: Record<string, number> = {};
    for (const [, source, count] of text.matchAll(new RegExp(`^db_reads_total\\{kind="${kind}",source="([^"]+)"\\} (\\d+)$`, 'gm'))) bySource[source] = Number(count);
    return bySource;
  };
  /** How many rows of the item the replica has replayed; -1 while even the database has not reached it. */
  const rowsOnReplica = async (itemId: string) => {
    const client = new pg.Client({ connectionString: cluster.replicaUrl(DATABASE) });
    try {
      await client.connect();
      return Number((await client.query('SELECT count(*) AS n FROM item_historical_pricing WHERE item_id = $1', [itemId])).rows[0].n);
    } catch {
      return -1;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const replicaStatus = async (app: RunningApp) => (await getJson(app.baseUrl, '/health/ready')).body.details.replicas.replicas[0];

  beforeAll(async () => {
    cluster = await startReplicatedPostgres(APPLY_DELAY_MS);
    const admin = new pg.Client({ connectionString: cluster.primaryUrl('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const dataSource = await new DataSource(dataSourceOptions(cluster.primaryUrl(DATABASE), 2)).initialize();
    await migrateDatabase(dataSource);
    await seedDatabase(dataSource);
    await dataSource.destroy();
    const settings = { databaseUrl: cluster.primaryUrl(DATABASE), env: { DATABASE_REPLICA_URLS: cluster.replicaUrl(DATABASE) } };
    [writer, reader] = await Promise.all([startApp('mvc-api', settings), startApp('clean-api', settings)]);
    // The seed reaches the replica APPLY_DELAY_MS after it committed; the app then sees it serving.
    expect(await until(async () => (await rowsOnReplica(BIG_ITEM)) === 96_448 && (await replicaStatus(reader))?.serving === true, 30_000)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([writer?.stop(), reader?.stop()]);
    await cluster?.stop();
  });

  it('serves a history from the replica once it has caught up (the 96k-row item)', async () => {
    const fromReplica = async () => Object.entries(await reads(reader, 'history')).filter(([source]) => source !== 'primary').reduce((sum, [, n]) => sum + n, 0);
    // The primary writes some WAL of its own (standby snapshots every 15 s): a read that lands just
    // after one goes to the primary, so the replica is given a few reads, each of the whole history.
    const before = await fromReplica();
    expect(await until(async () => {
      const { status, body } = await getJson(reader.baseUrl, `/historicalPricingByIdItem/${BIG_ITEM}`);
      expect([status, body.length]).toEqual([200, 96_448]);
      return (await fromReplica()) > before;
    }, 10_000)).toBe(true);
    expect(Object.keys(await reads(reader, 'history')).some((source) => source.startsWith('127.0.0.1:'))).toBe(true);
  });

  it('trains a model from the replica once it has caught up', async () => {
    const trainedOnReplica = async () => Object.entries(await reads(reader, 'prices')).filter(([source]) => source !== 'primary').reduce((sum, [, n]) => sum + n, 0);
    const before = await trainedOnReplica();
    // As above, a read that lands just after the primary's own WAL goes to the primary: a few fresh items.
    let attempt = 0;
    expect(await until(async () => {
      const itemId = `MLBREPLTRAIN${attempt++}`;
      await uploadCsv(writer.baseUrl, priceCsv(Array.from({ length: 10 }, (_, i) => [itemId, `2024-01-${String(i + 1).padStart(2, '0')}`, '10.00'] as [string, string, string])));
      if (!(await until(async () => (await rowsOnReplica(itemId)) === 10, 15_000))) return false;
      expect((await postJson(reader.baseUrl, '/detectAnomaly', { item_id: itemId, price: 10 })).body).toMatchObject({ anomaly: false, metadata: { model: { trained_on: 10 } } });
      return (await trainedOnReplica()) > before;
    }, 40_000)).toBe(true);
  });

  it('reads its own writes through the other app at once, while the replica lags: every new row, and a verdict of the new version', async () => {
    const itemId = 'MLBREPLICA1';
    const days = (count: number, price: string) => Array.from({ length: count }, (_, i) => [itemId, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, price] as [string, string, string]);
    await uploadCsv(writer.baseUrl, priceCsv(days(40, '10.00')));
    expect(await until(async () => (await rowsOnReplica(itemId)) === 40, 30_000)).toBe(true);
    const first = (await postJson(reader.baseUrl, '/detectAnomaly', { item_id: itemId, price: 100 })).body;
    expect(first).toMatchObject({ anomaly: true, metadata: { model: { trained_on: 40 } } });

    const fromPrimary = (await reads(reader, 'history')).primary ?? 0;
    await uploadCsv(writer.baseUrl, priceCsv(days(60, '100.00')));
    expect(await rowsOnReplica(itemId)).toBe(40); // the replica has not replayed the upload yet...
    expect((await getJson(reader.baseUrl, `/historicalPricingByIdItem/${itemId}`)).body).toHaveLength(100); // ...so the primary served it
    const verdict = (await postJson(reader.baseUrl, '/detectAnomaly', { item_id: itemId, price: 100 })).body;
    expect(verdict).toMatchObject({ anomaly: false, metadata: { model: { trained_on: 100 } } });
    expect(verdict.metadata.model.history_version).not.toBe(first.metadata.model.history_version);
    expect((await reads(reader, 'history')).primary).toBe(fromPrimary + 1);
  });

  it('skips a replica that went away, reports it, and keeps serving from the primary', async () => {
    await cluster.stopReplica();
    expect(await until(async () => (await replicaStatus(reader))?.up === false, 10_000)).toBe(true);
    const ready = await getJson(reader.baseUrl, '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.replicas.replicas[0]).toMatchObject({ up: false, serving: false });
    expect((await getJson(reader.baseUrl, '/historicalPricingByIdItem/MLBREPLICA1')).body).toHaveLength(100);
    expect((await postJson(reader.baseUrl, '/detectAnomaly', { item_id: 'MLB4432316952', price: 22 })).status).toBe(200);
    const metrics = await (await fetch(`${reader.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^db_replica_up\{replica="[^"]+"\} 0$/m);
  });
});
