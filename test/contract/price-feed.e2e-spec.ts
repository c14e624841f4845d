import { describe, expect, it } from '@jest/globals';
import { appPerSuite } from '../support/app-per-suite.js';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { ordinaryHistory, priceCsv } from '../support/price-csv-builder.js';
import { APP_NAMES } from '../support/running-app.js';

const observation = (observation_id: string | undefined, item_id: string, price: number, ord_closed_dt = '2024-03-01') =>
  ({ ...(observation_id ? { observation_id } : {}), item_id, ord_closed_dt, price });

/** docs/API.md, the price feed: POST /prices, GET /alerts, POST /alerts/{alert_id}/resolve. */
describe.each(APP_NAMES)('price feed (%s)', (appName) => {
  const suite = appPerSuite(appName);
  const tag = appName === 'mvc-api' ? 'M' : 'C';
  const send = (observations: unknown[]) => postJson(suite.app.baseUrl, '/prices', { observations });
  const rowsOf = async (itemId: string) => Number((await suite.db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing WHERE item_id = $1', [itemId]))[0].n);
  const versionOf = async (itemId: string) => (await suite.db.query<{ version: string }>('SELECT version FROM item_history_version WHERE item_id = $1', [itemId]))[0]?.version;
  const resolve = (alertId: string, body: unknown) => postJson(suite.app.baseUrl, `/alerts/${alertId}/resolve`, body);

  it('stores normal prices, holds anomalous ones as alerts, and starts the history of a new item', async () => {
    const item = `MLBFEED${tag}1`;
    await uploadCsv(suite.app.baseUrl, priceCsv(ordinaryHistory(item)));
    const version = await versionOf(item);
    const { status, body } = await send([
      observation(`${tag}-n1`, item, 101), observation(`${tag}-a1`, item, 1000), observation(`${tag}-n2`, item, 100.5), observation(undefined, `MLBNEW${tag}`, 7.25),
    ]);
    expect(status).toBe(200);
    expect(body).toMatchObject({ received: 4, stored: 3, alerts: 1, duplicates: 0 });
    expect(body.results.map((r: { anomaly: boolean; stored: boolean; alert_id: string | null }) => [r.anomaly, r.stored, r.alert_id !== null]))
      .toEqual([[false, true, false], [true, false, true], [false, true, false], [false, true, false]]);
    expect(body.results[3]).toMatchObject({ item_id: `MLBNEW${tag}`, observation_id: expect.any(String), metadata: { reason: 'no_history' } });
    expect(body.results[1].metadata).toMatchObject({ reason: 'outside_normal_range', direction: 'high' });
    expect(await rowsOf(item)).toBe(42);
    expect(await rowsOf(`MLBNEW${tag}`)).toBe(1);
    // One version change per item, however many of its prices the batch stored: the batch drew one
    // value of the global version sequence per item it touched (two items here).
    const [{ drawn }] = await suite.db.query<{ drawn: string }>('SELECT last_value - $1::bigint AS drawn FROM item_history_version_seq', [version]);
    expect(Number(drawn)).toBe(2);
  });

  it('judges a resent observation_id once: its first outcome comes back as a duplicate, also when two requests race', async () => {
    const item = `MLBFEED${tag}2`;
    await uploadCsv(suite.app.baseUrl, priceCsv(ordinaryHistory(item)));
    const batch = [observation(`${tag}-r1`, item, 101), observation(`${tag}-r2`, item, 999)];
    const [first, second] = await Promise.all([send(batch), send(batch)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.duplicates, second.body.duplicates].sort()).toEqual([0, 2]);
    const again = await send(batch);
    expect(again.body).toMatchObject({ received: 2, stored: 0, alerts: 0, duplicates: 2 });
    expect(again.body.results.map((r: { duplicate: boolean; stored: boolean }) => [r.duplicate, r.stored])).toEqual([[true, true], [true, false]]);
    expect(again.body.results[1].alert_id).toBe(first.body.results[1].alert_id);
    expect(await rowsOf(item)).toBe(41);
    expect((await getJson(suite.app.baseUrl, `/alerts?item_id=${item}`)).body.alerts).toHaveLength(1);
  });

  it.each([
    ['a bad date', [observation('x1', 'MLB1', 10, '2024-02-30')], 'observations.0.ord_closed_dt'],
    ['a price <= 0', [observation('x1', 'MLB1', 10), observation('x2', 'MLB1', 0)], 'observations.1.price'],
    ['an absurd price', [observation('x1', 'MLB1', 1e12)], 'observations.0.price'],
    ['more than 4 decimals', [observation('x1', 'MLB1', 10.12345)], 'observations.0.price'],
    ['an unknown field', [{ ...observation('x1', 'MLB1', 10), extra: 1 }], 'observations.0.extra'],
    ['a bad observation id', [observation('bad id!', 'MLB1', 10)], 'observations.0.observation_id'],
    ['a repeated observation id', [observation('x1', 'MLB1', 10), observation('x1', 'MLB1', 11)], 'observations'],
  ])('refuses %s with 400 naming the entry, storing nothing of the request', async (_case, observations, field) => {
    const before = await suite.db.query('SELECT (SELECT count(*) FROM item_historical_pricing) AS h, (SELECT count(*) FROM price_observation) AS o');
    const { status, body } = await send(observations);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(await suite.db.query('SELECT (SELECT count(*) FROM item_historical_pricing) AS h, (SELECT count(*) FROM price_observation) AS o')).toEqual(before);
  });

  it('refuses 10,001 observations and an empty list', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => observation(`m${i}`, 'MLB1', 10));
    expect((await send(many)).status).toBe(400);
    expect((await send([])).status).toBe(400);
  });

  it('lists alerts newest first, filtered, a page at a time', async () => {
    const item = `MLBFEED${tag}3`;
    await uploadCsv(suite.app.baseUrl, priceCsv(ordinaryHistory(item)));
    for (let i = 0; i < 5; i++) await send([observation(`${tag}-p${i}`, item, 900 + i)]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { alerts: { observation_id: string; status: string }[]; next_cursor: string | null } } =
        await getJson(suite.app.baseUrl, `/alerts?item_id=${item}&status=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.alerts.map((alert) => alert.observation_id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `${tag}-p${i}`));
    for (const query of ['status=closed', 'limit=0', 'limit=501', 'cursor=nonsense', 'item_id=bad%20id']) {
      expect((await getJson(suite.app.baseUrl, `/alerts?${query}`)).status).toBe(400);
    }
  });

  it('resolves an alert once: dismissed joins the history, confirmed never does, the other resolution after is 409', async () => {
    const item = `MLBFEED${tag}4`;
    await uploadCsv(suite.app.baseUrl, priceCsv(ordinaryHistory(item)));
    const { body } = await send([observation(`${tag}-d`, item, 700), observation(`${tag}-c`, item, 800)]);
    const [dismiss, confirm] = [body.results[0].alert_id, body.results[1].alert_id];
    const version = await versionOf(item);

    const dismissed = await resolve(dismiss, { resolution: 'dismissed', note: 'a real flash sale' });
    expect(dismissed).toMatchObject({ status: 200, body: { alert_id: dismiss, status: 'dismissed', resolution_note: 'a real flash sale', resolved_at: expect.any(String) } });
    expect(await rowsOf(item)).toBe(41);
    expect(await versionOf(item)).not.toBe(version); // the model retrains with it
    expect((await resolve(dismiss, { resolution: 'dismissed' })).status).toBe(200);
    expect(await rowsOf(item)).toBe(41);
    expect(await resolve(dismiss, { resolution: 'confirmed' })).toMatchObject({ status: 409, body: { code: 'ALERT_ALREADY_RESOLVED', status: 'dismissed' } });

    expect((await resolve(confirm, { resolution: 'confirmed' })).body.status).toBe('confirmed');
    expect(await rowsOf(item)).toBe(41);
    expect((await getJson(suite.app.baseUrl, `/alerts?item_id=${item}&status=open`)).body.alerts).toEqual([]);

    expect(await resolve('00000000-0000-4000-8000-000000000000', { resolution: 'confirmed' })).toMatchObject({ status: 404, body: { code: 'ALERT_NOT_FOUND' } });
    expect((await resolve('not-a-uuid', { resolution: 'confirmed' })).status).toBe(400);
    expect((await resolve(confirm, { resolution: 'maybe' })).status).toBe(400);
  });
});

describe.each(APP_NAMES)('price feed behind API keys (%s)', (appName) => {
  const suite = appPerSuite(appName, { settings: { env: { API_KEYS: 'writer-key', API_KEYS_READ: 'reader-key' } } });
  const post = (path: string, body: unknown, key?: string) => fetch(`${suite.app.baseUrl}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body),
  });

  it('needs a write key to send prices and to resolve, and records which key resolved', async () => {
    const observations = [observation('k1', 'MLBKEYS', 10)];
    expect((await post('/prices', { observations })).status).toBe(401);
    expect((await post('/prices', { observations }, 'reader-key')).status).toBe(403);
    expect((await post('/prices', { observations }, 'writer-key')).status).toBe(200);
    for (let i = 0; i < 40; i++) await post('/prices', { observations: [observation(`k-h${i}`, 'MLBKEYS', 10 + (i % 2))] }, 'writer-key');
    const held = (await (await post('/prices', { observations: [observation('k-a', 'MLBKEYS', 500)] }, 'writer-key')).json()) as { results: { alert_id: string }[] };
    const alertId = held.results[0].alert_id;
    expect(alertId).toEqual(expect.any(String));
    expect((await post(`/alerts/${alertId}/resolve`, { resolution: 'confirmed' }, 'reader-key')).status).toBe(403);
    const resolved = (await (await post(`/alerts/${alertId}/resolve`, { resolution: 'confirmed' }, 'writer-key')).json()) as { resolved_by: string };
    expect(resolved.resolved_by).toMatch(/^key:[0-9a-f]{12}$/);
  });
});
