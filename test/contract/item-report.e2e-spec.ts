import { describe, expect, it } from '@jest/globals';
import { appPerSuite } from '../support/app-per-suite.js';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { priceCsv, type CsvRow } from '../support/price-csv-builder.js';
import { APP_NAMES } from '../support/running-app.js';

/** docs/API.md, GET /items/{item_id}/report: the summary and the past orders the model flags. */
describe.each(APP_NAMES)('GET /items/{item_id}/report (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true });
  const itemId = `MLBREPORT${appName === 'mvc-api' ? 'M' : 'C'}`;
  const history: CsvRow[] = Array.from({ length: 60 }, (_, i) => [itemId, `2024-04-${String((i % 28) + 1).padStart(2, '0')}`, (50 + (i % 4) * 0.5).toFixed(2)]);
  history[10] = [itemId, '2024-04-11', '500.00']; // an extra zero
  history[40] = [itemId, '2024-04-13', '5.00']; // a missing digit

  it("summarises the item and flags exactly its gross errors, which do not widen its band", async () => {
    expect((await uploadCsv(suite.app.baseUrl, priceCsv(history))).status).toBe(201);
    const { status, body } = await getJson(suite.app.baseUrl, `/items/${itemId}/report`);
    expect(status).toBe(200);
    expect(body).toEqual({
      item_id: itemId, count: 60, first_date: '2024-04-01', last_date: '2024-04-28', history_version: expect.any(String),
      expected: expect.any(Number), normal_range: { low: expect.any(Number), high: expect.any(Number) },
      model: { engine: 'isolation-forest', trees: 100, sample_size: 60, trained_on: 60, seed: 42, history_version: body.history_version, sensitivity: 50 },
      flagged_total: 2,
      flagged: [
        { ord_closed_dt: '2024-04-11', price: 500, severity: expect.any(Number), direction: 'high', reason: 'outside_normal_range' },
        { ord_closed_dt: '2024-04-13', price: 5, severity: expect.any(Number), direction: 'low', reason: 'outside_normal_range' },
      ],
    });
    expect(body.normal_range.high).toBeLessThan(100); // 500 did not widen the band
    const detection = await postJson(suite.app.baseUrl, '/detectAnomaly', { item_id: itemId, price: 51 });
    expect(detection.body.metadata).toMatchObject({ normal_range: body.normal_range, expected: body.expected });
  });

  it('reports the seeded items too, the 96,000-order item included', async () => {
    const { status, body } = await getJson(suite.app.baseUrl, '/items/MLB3836655204/report');
    expect(status).toBe(200);
    expect(body.count).toBeGreaterThan(90_000);
    expect(body.flagged.length).toBe(Math.min(body.flagged_total, 10_000));
  });

  it('answers 404 ITEM_NOT_FOUND for an unknown item and 400 for a bad sensitivity', async () => {
    expect(await getJson(suite.app.baseUrl, '/items/111/report')).toMatchObject({ status: 404, body: { code: 'ITEM_NOT_FOUND', item_id: '111' } });
    expect(await getJson(suite.app.baseUrl, `/items/${itemId}/report?sensitivity=101`)).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect((await getJson(suite.app.baseUrl, `/items/${itemId}/report?sensitivity=0`)).body.model.sensitivity).toBe(0);
  });
});
