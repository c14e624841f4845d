import { describe, expect, it } from '@jest/globals';
import { appPerSuite } from '../support/app-per-suite.js';
import { postJson } from '../support/http.js';
import { APP_NAMES } from '../support/running-app.js';

/** docs/API.md, POST /detectAnomaly/batch: many prices, one result each, in request order. */
describe.each(APP_NAMES)('POST /detectAnomaly/batch (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true });
  const batch = (body: unknown) => postJson(suite.app.baseUrl, '/detectAnomaly/batch', body);
  const single = (body: unknown) => postJson(suite.app.baseUrl, '/detectAnomaly', body);

  it('answers each entry as the single route does, in request order, and an unknown item as an entry error', async () => {
    const prices = [
      { item_id: 'MLB4432316952', price: 22.01 }, { item_id: '111', price: 5 }, { item_id: 'MLB1450506718', price: '1850' },
      { item_id: 'MLB4432316952', price: 220.1 },
    ];
    const { status, body } = await batch({ prices });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(4);
    expect(body.results[1]).toEqual({ item_id: '111', error: 'No existe el item_id en el historico de precios', code: 'ITEM_NOT_FOUND' });
    for (const index of [0, 2, 3]) expect(body.results[index]).toEqual((await single(prices[index])).body);
  });

  it('applies one sensitivity to every entry', async () => {
    const { body } = await batch({ prices: [{ item_id: 'MLB4432316952', price: 22.01 }], sensitivity: 90 });
    expect(body.results[0].metadata.model.sensitivity).toBe(90);
  });

  it('takes 10,000 entries and refuses 10,001 (400), an empty list, bad entries and unknown fields', async () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ item_id: 'MLB4432316952', price: 20 + (i % 7) }));
    const full = await batch({ prices: entries(10_000) });
    expect(full.status).toBe(200);
    expect(full.body.results).toHaveLength(10_000);
    for (const body of [{ prices: entries(10_001) }, { prices: [] }, { prices: [{ item_id: 'MLB1', price: -1 }] }, { prices: [{ item_id: 'MLB1', price: 1, x: 1 }] }, { prices: 'all' }, {}]) {
      const { status, body: answer } = await batch(body);
      expect({ status, code: answer.code }).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE past 1 MiB', async () => {
    const response = await fetch(`${suite.app.baseUrl}/detectAnomaly/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prices: [], padding: 'x'.repeat(1100 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
