import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedPostgresServer } from '#libs/database';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { priceCsv, validRows } from '../support/price-csv-builder.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';

const STALE_MODEL_MAX_AGE_MS = 2000;

/** A server of its own: the test stops and restarts it under running apps. */
describe('database outage, both apps', () => {
  let dir: string;
  let server: EmbeddedPostgresServer;
  const apps = new Map<string, RunningApp>();
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    return { result, ms: Math.round(performance.now() - started) };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outage-test-'));
    await chmod(dir, 0o755); // the postgres OS user must reach the data dir when we run as root
    server = new EmbeddedPostgresServer({ dataDir: join(dir, 'pg'), database: 'outage' });
    const { url } = await server.start();
    for (const name of APP_NAMES) apps.set(name, await startApp(name, { databaseUrl: url, env: { STALE_MODEL_MAX_AGE_MS: String(STALE_MODEL_MAX_AGE_MS) } }));
    await uploadCsv(apps.get('mvc-api')!.baseUrl, priceCsv([...validRows(60, 'MLBWARM'), ...validRows(60, 'MLBCOLD')]));
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.stop();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(APP_NAMES)('%s answers 503 DATABASE_UNAVAILABLE at once, keeps warm detections for a while (marked stale), and recovers by itself', async (name) => {
    const { baseUrl } = apps.get(name)!;
    expect((await postJson(baseUrl, '/detectAnomaly', { item_id: 'MLBWARM0', price: 100 })).body.metadata.model.stale).toBe(false); // warm its model
    const versionLastRead = Date.now();

    await server.stop();
    const cold = await timed(() => postJson(baseUrl, '/detectAnomaly', { item_id: 'MLBCOLD0', price: 100 }));
    console.log(`${name}: cold detection answered ${cold.result.status} ${cold.ms} ms into the outage`);
    expect(cold.result.status).toBe(503);
    expect(cold.result.body).toEqual({ error: expect.any(String), code: 'DATABASE_UNAVAILABLE' });
    expect(cold.result.headers.get('retry-after')).toBe('5');
    expect((await getJson(baseUrl, '/historicalPricingByIdItem/MLBWARM0')).status).toBe(503);
    expect((await uploadCsv(baseUrl, priceCsv(validRows(5, 'MLBDOWN')))).status).toBe(503);
    expect(await getJson(baseUrl, '/health/ready')).toMatchObject({ status: 503, body: { code: 'NOT_READY', checks: { database: { status: 'down' } } } });
    expect((await getJson(baseUrl, '/health/live')).status).toBe(200);
    const warm = await postJson(baseUrl, '/detectAnomaly', { item_id: 'MLBWARM0', price: 100 });
    expect(warm.status).toBe(200);
    expect(warm.body).toMatchObject({ item_id: 'MLBWARM0', metadata: { model: { stale: true } } });

    // Past STALE_MODEL_MAX_AGE_MS the last version seen is too old to stand in: no more verdicts.
    await sleep(Math.max(0, versionLastRead + STALE_MODEL_MAX_AGE_MS + 100 - Date.now()));
    const tooOld = await postJson(baseUrl, '/detectAnomaly', { item_id: 'MLBWARM0', price: 100 });
    expect(tooOld.status).toBe(503);
    expect(tooOld.body.code).toBe('DATABASE_UNAVAILABLE');

    await server.start();
    const recovery = await timed(async () => {
      for (let i = 0; i < 100; i++) {
        if ((await getJson(baseUrl, '/health/ready')).status === 200) return true;
        await sleep(100);
      }
      return false;
    });
    console.log(`${name}: ready again ${recovery.ms} ms after the database came back`);
    expect(recovery.result).toBe(true);
    expect((await postJson(baseUrl, '/detectAnomaly', { item_id: 'MLBCOLD0', price: 100 })).status).toBe(200);
    expect((await postJson(baseUrl, '/detectAnomaly', { item_id: 'MLBWARM0', price: 100 })).body.metadata.model.stale).toBe(false);
  });
});
