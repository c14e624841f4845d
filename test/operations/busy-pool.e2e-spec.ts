import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { get, type ClientRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { postJson, uploadCsv } from '../support/http.js';
import { priceCsv, type CsvRow } from '../support/price-csv-builder.js';
import { APP_NAMES, startApp, type AppName, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const POOL_SIZE = 2;
const LARGEST_ITEM = 'MLB3836655204'; // ~96k orders: a history download that holds a connection while its reader stalls
const daysOf = (count: number, price: string, itemId: string): CsvRow[] =>
  Array.from({ length: count }, (_, i) => [itemId, `2024-03-${String((i % 28) + 1).padStart(2, '0')}`, price]);

/**
 * A pool that is merely busy is not an outage: the history may be changing through other
 * processes, so a detection must wait for the current version or say 503, never answer from the
 * version it saw last.
 */
describe.each(APP_NAMES)('detection while %s has every connection busy', (readerName: AppName) => {
  let db: TestDatabase;
  let reader: RunningApp;
  let writer: RunningApp;
  const slowReaders: ClientRequest[] = [];
  const itemId = `MLBBUSY${readerName.replace('-api', '')}`;
  const detect = (price: number) => postJson(reader.baseUrl, '/detectAnomaly', { item_id: itemId, price });
  const pool = async () => {
    const text = await (await fetch(`${reader.baseUrl}/metrics`)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
    return { open: gauge('db_pool_connections'), idle: gauge('db_pool_idle_connections') };
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    [reader, writer] = await Promise.all([
      startApp(readerName, { databaseUrl: db.url, env: { DB_POOL_SIZE: String(POOL_SIZE) } }),
      startApp(readerName === 'mvc-api' ? 'clean-api' : 'mvc-api', { databaseUrl: db.url }),
    ]);
  });
  afterAll(async () => {
    for (const request of slowReaders) request.destroy();
    await Promise.all([reader?.stop(), writer?.stop()]);
    await db?.drop();
  });

  it('answers with the new version or 503 DATABASE_BUSY, never with the model of the old one', async () => {
    expect((await uploadCsv(writer.baseUrl, priceCsv(daysOf(40, '10.00', itemId)))).status).toBe(201);
    const warm = await detect(100);
    expect(warm.body).toMatchObject({ anomaly: true, metadata: { model: { trained_on: 40, stale: false } } });

    // Readers that stop reading: each history stream keeps its connection until they go on.
    for (let i = 0; i < POOL_SIZE; i++) {
      const request = get(`${reader.baseUrl}/historicalPricingByIdItem/${LARGEST_ITEM}`, (response) => response.pause());
      request.on('error', () => undefined);
      slowReaders.push(request);
    }
    for (let tries = 0; tries < 100; tries++) {
      const { open, idle } = await pool();
      if (open === POOL_SIZE && idle === 0) break;
      await sleep(50);
    }
    expect(await pool()).toEqual({ open: POOL_SIZE, idle: 0 });

    expect((await uploadCsv(writer.baseUrl, priceCsv(daysOf(60, '100.00', itemId)))).status).toBe(201);
    const during = await detect(100);
    if (during.status === 503) {
      expect(during.body).toMatchObject({ code: 'DATABASE_BUSY' });
    } else {
      expect(during.status).toBe(200);
      expect(during.body.metadata.model).toMatchObject({ trained_on: 100, stale: false });
      expect(during.body.metadata.model.history_version).not.toBe(warm.body.metadata.model.history_version);
    }
    console.log(`${readerName}: with every connection busy, a detection after a write elsewhere answered ${during.status} ${during.body.code ?? `version ${during.body.metadata?.model?.history_version}`}`);

    for (const request of slowReaders.splice(0)) request.destroy();
    const after = await detect(100);
    expect(after.body).toMatchObject({ anomaly: false, metadata: { model: { trained_on: 100, stale: false } } });
  });
});
