import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getJson, uploadCsv } from '../support/http.js';
import { priceCsv } from '../support/price-csv-builder.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** docs/API.md, GET /historicalPricingByIdItem/{item_id}: order, exact prices, query parameters, 400s. */
describe.each(APP_NAMES)('GET /historicalPricingByIdItem/:item_id (%s)', (appName) => {
  let db: TestDatabase;
  let app: RunningApp;
  const history = (path: string) => getJson(app.baseUrl, `/historicalPricingByIdItem/${path}`);

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    app = await startApp(appName, { databaseUrl: db.url });
    await uploadCsv(app.baseUrl, priceCsv([
      ['MLBORDER', '2024-03-02', '30.5'],
      ['MLBORDER', '2024-03-01', '10.1234'],
      ['MLBORDER', '2024-03-02', '20'],
      ['MLBORDER', '2024-02-28', '99.99'],
    ]));
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('answers the seeded example item, oldest first, in the documented shape', async () => {
    const { status, body, headers } = await history('MLB4432316952');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.length).toBeGreaterThan(0);
    expect(body).toContainEqual({ item_id: 'MLB4432316952', ord_closed_dt: '2024-02-15', price: 22.01 });
    const dates = body.map((row: { ord_closed_dt: string }) => row.ord_closed_dt);
    expect(dates).toEqual([...dates].sort());
  });

  it('orders by date, breaks ties by insertion order and keeps all 4 decimals', async () => {
    const { body } = await history('MLBORDER');
    expect(body).toEqual([
      { item_id: 'MLBORDER', ord_closed_dt: '2024-02-28', price: 99.99 },
      { item_id: 'MLBORDER', ord_closed_dt: '2024-03-01', price: 10.1234 },
      { item_id: 'MLBORDER', ord_closed_dt: '2024-03-02', price: 30.5 },
      { item_id: 'MLBORDER', ord_closed_dt: '2024-03-02', price: 20 },
    ]);
  });

  it('answers 200 [] for an unknown item', async () => {
    expect(await history('111')).toMatchObject({ status: 200, body: [] });
  });

  it('filters by inclusive from/to and pages with limit/offset', async () => {
    const window = await history('MLBORDER?from=2024-03-01&to=2024-03-02');
    expect(window.body.map((r: { price: number }) => r.price)).toEqual([10.1234, 30.5, 20]);
    const page = await history('MLBORDER?limit=2&offset=1');
    expect(page.body.map((r: { price: number }) => r.price)).toEqual([10.1234, 30.5]);
  });

  it('streams the largest seeded item whole', async () => {
    const { status, body } = await history('MLB3836655204');
    expect(status).toBe(200);
    expect(body).toHaveLength(96_448);
  });

  it.each([
    ['a bad date', 'MLBORDER?from=2024-02-30'],
    ['a non-date', 'MLBORDER?to=yesterday'],
    ['limit 0', 'MLBORDER?limit=0'],
    ['a limit above 100000', 'MLBORDER?limit=100001'],
    ['a fractional offset', 'MLBORDER?offset=1.5'],
    ['an offset beyond any integer PostgreSQL takes', 'MLBORDER?offset=1e308'],
    ['an unknown parameter', 'MLBORDER?sort=desc'],
    ['an item_id of 65 characters', 'A'.repeat(65)],
    ['an item_id with forbidden characters', encodeURIComponent("MLB1'; DROP TABLE x;--")],
  ])('answers 400 VALIDATION_ERROR for %s', async (_case, path) => {
    const { status, body } = await history(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_ERROR', error: expect.any(String), details: expect.any(Array) });
  });
});
