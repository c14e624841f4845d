import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { generatedCsv } from '../support/generated-csv.js';
import { RawUpload } from '../support/raw-upload.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

describe.each(APP_NAMES)('CSV import at scale (%s)', (appName) => {
  let db: TestDatabase;
  let app: RunningApp;
  let bigFile: string;
  const storedRows = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);
  const openTransactions = async () => db.query(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND (state LIKE 'idle in transaction%' OR (state = 'active' AND query LIKE 'COPY%'))");

  beforeAll(async () => {
    [db, bigFile] = await Promise.all([createTestDatabase({ seeded: true }), generatedCsv(100_000, 5)]);
    app = await startApp(appName, { databaseUrl: db.url, maxUploadBytes: MAX_UPLOAD_BYTES });
  });
  afterEach(async () => {
    expect((await getJson(app.baseUrl, '/health/ready')).status).toBe(200); // whatever happened, the server is fine
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('loads a 100,000-row file whole (smoke run of the streaming COPY path)', async () => {
    const before = await storedRows();
    const { status, body } = await uploadCsv(app.baseUrl, bigFile);
    expect(status).toBe(201);
    expect(body.inserted).toBe(100_000);
    expect(await storedRows()).toBe(before + 100_000);
  });

  it('stores nothing from a large file whose last row is bad, and names that line', async () => {
    const before = await storedRows();
    const lines = bigFile.trimEnd().split('\n');
    const file = `${bigFile.replace(/^MLB/gm, 'MLX')}${lines[1].replace(/^MLB/, 'MLX').replace(/,[^,]*$/, ',-1')}\n`;
    const { status, body } = await uploadCsv(app.baseUrl, file);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'CSV_INVALID', bad_rows: 1, errors: [{ line: lines.length + 1, column: 'PRICE', value: '-1' }] });
    expect(await storedRows()).toBe(before);
  });

  it('inserts an identical file once when two uploads of it race', async () => {
    const file = bigFile.replace(/^MLB/gm, 'MLR').split('\n').slice(0, 20_001).join('\n') + '\n';
    const before = await storedRows();
    const results = await Promise.all([uploadCsv(app.baseUrl, file), uploadCsv(app.baseUrl, file)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(results.map((r) => r.body.import_id)[0]).toBe(results.map((r) => r.body.import_id)[1]);
    expect(await storedRows()).toBe(before + 20_000);
  });

  it('refuses a declared size over MAX_UPLOAD_BYTES with 413 before the file is even sent', async () => {
    const upload = new RawUpload(app.baseUrl, MAX_UPLOAD_BYTES * 4); // announces 32 MiB, sends none of it
    const response = await upload.response;
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'UPLOAD_TOO_LARGE' });
    upload.abort();
  });

  it('stores nothing and keeps no transaction open when the client disconnects mid-upload', async () => {
    const before = await storedRows();
    const upload = new RawUpload(app.baseUrl, bigFile.length);
    upload.response.catch(() => undefined);
    await upload.write(bigFile.slice(0, bigFile.length / 2));
    for (let i = 0; i < 50 && (await openTransactions()).length === 0; i++) await sleep(50);
    expect(await openTransactions()).toHaveLength(1); // the COPY is under way
    upload.abort();
    for (let i = 0; i < 50 && (await openTransactions()).length > 0; i++) await sleep(100);
    expect(await openTransactions()).toEqual([]);
    expect(await storedRows()).toBe(before);
  });

  it('keeps answering detections and history reads while an upload is in flight', async () => {
    const file = bigFile.replace(/^MLB/gm, 'MLF');
    const upload = new RawUpload(app.baseUrl, file.length);
    await upload.write(file.slice(0, file.length / 2));
    await sleep(300);
    let uploadDone = false;
    void upload.response.then(() => (uploadDone = true));
    const [detection, history] = await Promise.all([
      postJson(app.baseUrl, '/detectAnomaly', { item_id: 'MLB1450506718', price: 200 }),
      getJson(app.baseUrl, '/historicalPricingByIdItem/MLB4432316952'),
    ]);
    expect(detection.status).toBe(200);
    expect(history.status).toBe(200);
    expect(uploadDone).toBe(false);
    await upload.write(file.slice(file.length / 2));
    upload.finish();
    expect((await upload.response).status).toBe(201);
  });
});

describe('CSV import when the server dies mid-upload', () => {
  it('leaves nothing behind: PostgreSQL rolls the open COPY back', async () => {
    const db = await createTestDatabase();
    const app = await startApp('clean-api', { databaseUrl: db.url });
    try {
      const file = await generatedCsv(50_000, 6);
      const upload = new RawUpload(app.baseUrl, file.length);
      upload.response.catch(() => undefined);
      await upload.write(file.slice(0, file.length / 2));
      await sleep(300);
      await app.kill();
      const fresh = await startApp('clean-api', { databaseUrl: db.url });
      await fresh.stop();
      await expect(db.query('SELECT count(*)::int AS n FROM item_historical_pricing')).resolves.toEqual([{ n: 0 }]);
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
