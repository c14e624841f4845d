import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { webhookSignature } from '#libs/http-contract';
import { postJson, uploadCsv } from '../support/http.js';
import { ordinaryHistory, priceCsv } from '../support/price-csv-builder.js';
import { until } from '../support/wait.js';
import { APP_NAMES, startApp, type AppName, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'webhook-test-secret';

/** New alerts reach ALERT_WEBHOOK_URL signed and at least once: through failures, a hanging receiver and a kill -9. */
describe.each(APP_NAMES)('alert webhook (%s)', (appName: AppName) => {
  let db: TestDatabase;
  let receiver: WebhookReceiver;
  let app: RunningApp;
  let url: string;
  const tag = appName === 'mvc-api' ? 'M' : 'C';
  const start = () => startApp(appName, { databaseUrl: db.url, env: { ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: SECRET, WEBHOOK_TIMEOUT_MS: '500' } });
  const raiseAlerts = async (prefix: string, count: number) => {
    const { body } = await postJson(app.baseUrl, '/prices', {
      observations: Array.from({ length: count }, (_, i) => ({ observation_id: `${prefix}-${i}`, item_id: `MLBHOOK${tag}`, ord_closed_dt: '2024-03-01', price: 900 + i })),
    });
    return body.results.map((result: { alert_id: string }) => result.alert_id) as string[];
  };
  const pending = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM alert_outbox WHERE delivered_at IS NULL'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = new WebhookReceiver();
    url = await receiver.start();
    app = await start();
    await uploadCsv(app.baseUrl, priceCsv(ordinaryHistory(`MLBHOOK${tag}`)));
  });
  afterEach(() => {
    receiver.mode = 'ok';
    receiver.failFirst = 0;
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.stop();
    await db?.drop();
  });

  it('delivers every new alert, signed, retrying with backoff until a failing receiver recovers', async () => {
    receiver.failFirst = 3;
    const alerts = await raiseAlerts(`${tag}-retry`, 2);
    expect(await until(() => alerts.every((id) => receiver.delivered().includes(id)), 15_000)).toBe(true);
    const delivered = receiver.calls.filter((call) => call.answered === 204 && alerts.includes(JSON.parse(call.body).alert_id));
    for (const call of delivered) {
      expect(call.headers['x-signature']).toBe(webhookSignature(call.body, SECRET));
      expect(JSON.parse(call.body)).toMatchObject({ event: 'alert.opened', item_id: `MLBHOOK${tag}`, metadata: { reason: 'outside_normal_range' } });
    }
    expect(receiver.calls.filter((call) => call.answered === 500)).toHaveLength(3);
    expect(await until(async () => (await pending()) === 0, 2000)).toBe(true);
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/alert_notifications_total\{destination="webhook",outcome="failed"\} 3/);
    expect(metrics).toMatch(/alert_outbox_pending\{destination="webhook"\} 0/);
  });

  it('keeps ingesting at full speed while the receiver hangs (each delivery times out and is retried)', async () => {
    receiver.mode = 'hang';
    const started = performance.now();
    const alerts = await raiseAlerts(`${tag}-hang`, 3);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await until(() => receiver.calls.some((call) => call.answered === 'hung' && alerts.includes(JSON.parse(call.body).alert_id)), 5000)).toBe(true);
    receiver.mode = 'ok';
    expect(await until(() => alerts.every((id) => receiver.delivered().includes(id)), 15_000)).toBe(true);
  });

  it('delivers an alert whose delivery was cut by a kill -9, once the app is back', async () => {
    receiver.mode = 'hang';
    const [alert] = await raiseAlerts(`${tag}-kill`, 1);
    expect(await until(() => receiver.calls.some((call) => call.answered === 'hung' && JSON.parse(call.body).alert_id === alert), 5000)).toBe(true);
    await app.kill();
    receiver.mode = 'ok';
    app = await start();
    expect(await until(() => receiver.delivered().includes(alert), 15_000)).toBe(true);
  });
});
