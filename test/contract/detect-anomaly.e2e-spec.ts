import { describe, expect, it } from '@jest/globals';
import { getJson, postJson } from '../support/http.js';
import { appPerSuite } from '../support/app-per-suite.js';
import { APP_NAMES } from '../support/running-app.js';

/** docs/API.md, POST /detectAnomaly: the verdict's shape, the 404 in Spanish, the 400s. */
describe.each(APP_NAMES)('POST /detectAnomaly (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true });
  const detect = (body: unknown, rawBody?: string) => postJson(suite.app.baseUrl, '/detectAnomaly', body, rawBody);

  it('answers the documented shape with an explained verdict', async () => {
    const { status, body } = await detect({ item_id: 'MLB4432316952', price: 22.01 });
    expect(status).toBe(200);
    expect(body).toEqual({
      item_id: 'MLB4432316952',
      price: 22.01,
      anomaly: expect.any(Boolean),
      status_code: 200,
      metadata: {
        score: expect.any(Number),
        threshold: expect.any(Number),
        reason: expect.any(String),
        normal_range: { low: expect.any(Number), high: expect.any(Number) },
        direction: null,
        expected: expect.any(Number),
        severity: 0,
        model: {
          engine: expect.any(String),
          trees: expect.any(Number),
          sample_size: expect.any(Number),
          trained_on: expect.any(Number),
          seed: expect.any(Number),
          history_version: expect.any(String),
          sensitivity: 50,
          stale: false,
        },
      },
    });
    expect(body.metadata.score).toBeGreaterThanOrEqual(0);
    expect(body.metadata.score).toBeLessThanOrEqual(1);
  });

  it('draws the band at the sensitivity asked for: higher flags more', async () => {
    const [lenient, strict] = await Promise.all([0, 100].map((sensitivity) => detect({ item_id: 'MLB4432316952', price: 22.01, sensitivity })));
    expect(lenient.body.metadata.model.sensitivity).toBe(0);
    expect(strict.body.metadata.model.sensitivity).toBe(100);
    expect(strict.body.metadata.normal_range.high).toBeLessThan(lenient.body.metadata.normal_range.high);
    expect(strict.body.metadata.normal_range.low).toBeGreaterThan(lenient.body.metadata.normal_range.low);
    for (const sensitivity of [-1, 101, 'high', '50', true]) {
      expect(await detect({ item_id: 'MLB4432316952', price: 22.01, sensitivity })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    }
    expect((await detect({ item_id: 'MLB4432316952', price: 22.01, sensitivity: null })).body.metadata.model.sensitivity).toBe(50);
  });

  it('says how far out and which way a price is: severity rises with the distance, direction follows it', async () => {
    const { expected } = (await detect({ item_id: 'MLB4432316952', price: 22.01 })).body.metadata;
    const verdicts = await Promise.all([2, 3, 10].map(async (factor) => (await detect({ item_id: 'MLB4432316952', price: expected * factor })).body));
    expect(verdicts.map((v) => v.anomaly)).toEqual([true, true, true]);
    expect(verdicts.map((v) => v.metadata.direction)).toEqual(['high', 'high', 'high']);
    const severities = verdicts.map((v) => v.metadata.severity);
    expect([...severities].sort((a, b) => a - b)).toEqual(severities);
    expect((await detect({ item_id: 'MLB4432316952', price: expected / 3 })).body.metadata).toMatchObject({ direction: 'low' });
  });

  it('accepts the price as a numeric string, as the old service did', async () => {
    const { status, body } = await detect({ item_id: 'MLB4432316952', price: '22.01' });
    expect(status).toBe(200);
    expect(body.price).toBe(22.01);
  });

  it('never stores the checked price', async () => {
    const before = (await getJson(suite.app.baseUrl, '/historicalPricingByIdItem/MLB4432316952')).body.length;
    await detect({ item_id: 'MLB4432316952', price: 777 });
    expect((await getJson(suite.app.baseUrl, '/historicalPricingByIdItem/MLB4432316952')).body).toHaveLength(before);
  });

  it('answers 404 ITEM_NOT_FOUND with the Spanish message for an unknown item', async () => {
    const { status, body } = await detect({ item_id: '111', price: 200 });
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'No existe el item_id en el historico de precios', code: 'ITEM_NOT_FOUND', item_id: '111' });
  });

  it.each([
    ['a missing price', { item_id: 'MLB4432316952' }],
    ['a non-numeric price', { item_id: 'MLB4432316952', price: 'abc' }],
    ['a NaN price', { item_id: 'MLB4432316952', price: 'NaN' }],
    ['an infinite price', { item_id: 'MLB4432316952', price: 'Infinity' }],
    ['a zero price', { item_id: 'MLB4432316952', price: 0 }],
    ['a negative price', { item_id: 'MLB4432316952', price: -5 }],
    ['an absurdly large price', { item_id: 'MLB4432316952', price: 1e15 }],
    ['a boolean price', { item_id: 'MLB4432316952', price: true }],
    ['an array price', { item_id: 'MLB4432316952', price: [200] }],
    ['a missing item_id', { price: 200 }],
    ['a numeric item_id', { item_id: 4432316952, price: 200 }],
    ['a malformed item_id', { item_id: 'MLB 44/32', price: 200 }],
    ['an item_id of 65 characters', { item_id: 'A'.repeat(65), price: 200 }],
    ['an extra field', { item_id: 'MLB4432316952', price: 200, store: true }],
    ['an array body', [{ item_id: 'MLB4432316952', price: 200 }]],
  ])('answers 400 VALIDATION_ERROR for %s', async (_case, body) => {
    const response = await detect(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR', error: expect.any(String), details: expect.any(Array) });
  });

  it.each([
    ['a non-JSON body', '{"item_id": "MLB4432316952", price: }'],
    ['an overflowing number', '{"item_id":"MLB4432316952","price":1e400}'],
    ['an empty body', ''],
  ])('answers 400 VALIDATION_ERROR for %s', async (_case, raw) => {
    const response = await detect(undefined, raw);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR', error: expect.any(String) });
  });
});
