import { describe, expect, it } from '@jest/globals';
import { appPerSuite } from '../support/app-per-suite.js';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { priceCsv } from '../support/price-csv-builder.js';
import { APP_NAMES } from '../support/running-app.js';

/** docs/API.md: GET /items and GET /items/{item_id}/daily. */
describe.each(APP_NAMES)('item catalog (%s)', (appName) => {
  const suite = appPerSuite(appName);
  const tag = appName === 'mvc-api' ? 'M' : 'C';

  it('lists items by id prefix, in id order, with their open alerts', async () => {
    const rows = ['A', 'B', 'C'].flatMap((letter) => Array.from({ length: 20 }, (_, i) => [`CAT${tag}${letter}`, `2024-01-${String(i + 1).padStart(2, '0')}`, '10.00'] as [string, string, string]));
    await uploadCsv(suite.app.baseUrl, priceCsv(rows));
    await postJson(suite.app.baseUrl, '/prices', { observations: [{ observation_id: `cat-${tag}`, item_id: `CAT${tag}B`, ord_closed_dt: '2024-02-01', price: 500 }] });
    expect((await getJson(suite.app.baseUrl, `/items?prefix=CAT${tag}&limit=2`)).body).toEqual({ items: [{ item_id: `CAT${tag}A`, open_alerts: 0 }, { item_id: `CAT${tag}B`, open_alerts: 1 }] });
    expect((await getJson(suite.app.baseUrl, `/items?prefix=CAT${tag}&order=open_alerts`)).body).toEqual({ items: [{ item_id: `CAT${tag}B`, open_alerts: 1 }] });
    expect((await getJson(suite.app.baseUrl, '/items?prefix=NOSUCH')).body).toEqual({ items: [] });
  });

  it.each([['limit=0', 'limit'], ['limit=101', 'limit'], ['order=price', 'order'], ['prefix=a%25b', 'prefix']])('refuses %s with 400 VALIDATION_ERROR', async (query, field) => {
    const { status, body } = await getJson(suite.app.baseUrl, `/items?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(body.details.map((detail: { field: string }) => detail.field)).toContain(field);
  });

  it("summarises an item's history day by day: lowest, median, highest and orders", async () => {
    const itemId = `DAILY${tag}`;
    await uploadCsv(suite.app.baseUrl, priceCsv([[itemId, '2024-01-02', '10'], [itemId, '2024-01-01', '8'], [itemId, '2024-01-02', '12'], [itemId, '2024-01-02', '11.5']]));
    expect((await getJson(suite.app.baseUrl, `/items/${itemId}/daily`)).body).toEqual({
      item_id: itemId,
      days: [{ day: '2024-01-01', min: 8, median: 8, max: 8, orders: 1 }, { day: '2024-01-02', min: 10, median: 11.5, max: 12, orders: 3 }],
    });
    expect((await getJson(suite.app.baseUrl, '/items/NOSUCHITEM/daily')).body).toMatchObject({ code: 'ITEM_NOT_FOUND' });
    expect((await getJson(suite.app.baseUrl, '/items/bad%20id/daily')).status).toBe(400);
  });
});
