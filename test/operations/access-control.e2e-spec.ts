import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { priceCsv, validRows } from '../support/price-csv-builder.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const WRITE_KEY = 'write-key-1';
const READ_KEY = 'read-key-1';

function upload(baseUrl: string, headers: Record<string, string> = {}, rows = validRows(3, `MLBKEY${Math.random().toString(16).slice(2, 8)}`)) {
  const form = new FormData();
  form.append('archivo_csv', new Blob([priceCsv(rows)], { type: 'text/csv' }), 'keys.csv');
  return fetch(`${baseUrl}/cargarCsvHistorico`, { method: 'POST', body: form, headers });
}

describe.each(APP_NAMES)('access control and limits (%s)', (appName) => {
  let db: TestDatabase;
  let guarded: RunningApp;
  let limited: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    [guarded, limited] = await Promise.all([
      startApp(appName, { databaseUrl: db.url, env: { API_KEYS: `${WRITE_KEY},other-write-key`, API_KEYS_READ: READ_KEY, CORS_ORIGINS: 'https://pricing.example' } }),
      startApp(appName, { databaseUrl: db.url, env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([guarded.stop(), limited.stop()]);
    await db.drop();
  });

  it('asks uploads for a write key: 401 without, 403 with a wrong or read-only one, accepted by Bearer or X-API-Key', async () => {
    const withoutKey = await upload(guarded.baseUrl);
    expect(withoutKey.status).toBe(401);
    expect(await withoutKey.json()).toMatchObject({ code: 'UNAUTHORIZED', error: expect.any(String) });
    expect((await upload(guarded.baseUrl, { 'x-api-key': 'nope' })).status).toBe(403);
    expect((await upload(guarded.baseUrl, { authorization: `Bearer ${READ_KEY}` })).status).toBe(403);
    expect((await upload(guarded.baseUrl, { authorization: `Bearer ${WRITE_KEY}` })).status).toBe(201);
    expect((await upload(guarded.baseUrl, { 'x-api-key': 'other-write-key' })).status).toBe(201);
  });

  it('asks reads for a read (or write) key when API_KEYS_READ is set; health stays open', async () => {
    const history = (headers: Record<string, string> = {}) => fetch(`${guarded.baseUrl}/historicalPricingByIdItem/MLB4432316952`, { headers });
    expect((await history()).status).toBe(401);
    expect((await history({ 'x-api-key': READ_KEY })).status).toBe(200);
    expect((await history({ authorization: `Bearer ${WRITE_KEY}` })).status).toBe(200);
    const detect = await fetch(`${guarded.baseUrl}/detectAnomaly`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item_id: 'MLB4432316952', price: 22 }) });
    expect(detect.status).toBe(401);
    expect((await fetch(`${guarded.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${guarded.baseUrl}/health/ready`)).status).toBe(200);
  });

  it('sends security headers and opens CORS only to the configured origins', async () => {
    const allowed = await fetch(`${guarded.baseUrl}/health/live`, { headers: { origin: 'https://pricing.example' } });
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://pricing.example');
    const elsewhere = await fetch(`${limited.baseUrl}/health/live`, { headers: { origin: 'https://evil.example' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull(); // CORS closed by default
  });

  it('answers 429 with Retry-After past RATE_LIMIT_MAX requests per client', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${limited.baseUrl}/historicalPricingByIdItem/111`);
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        expect(await response.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', error: expect.any(String) });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect((await fetch(`${limited.baseUrl}/health/live`)).status).toBe(200); // health is never limited
  });
});
