import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { ordinaryHistory, priceCsv } from '../support/price-csv-builder.js';
import { TestVhost } from '../support/rabbitmq.js';
import { until } from '../support/wait.js';
import { APP_NAMES, startApp, type AppName, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';


/** The price feed over RabbitMQ (the machine's broker, a vhost per suite): in from price-observations, alerts out to price-alerts. */
describe.each(APP_NAMES)('price feed over RabbitMQ (%s)', (appName: AppName) => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let app: RunningApp;
  const item = `MLBAMQP${appName === 'mvc-api' ? 'M' : 'C'}`;
  const rows = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing WHERE item_id = $1', [item]))[0].n);
  const publish = (body: unknown) => vhost.channel.sendToQueue('price-observations', Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), { persistent: true });
  const queued = async (queue: string) => (await vhost.channel.checkQueue(queue)).messageCount;

  beforeAll(async () => {
    vhost = new TestVhost();
    await vhost.create();
    db = await createTestDatabase();
    app = await startApp(appName, { databaseUrl: db.url, env: { AMQP_URL: vhost.url, AMQP_BATCH_WAIT_MS: '20', AMQP_PREFETCH: '5' } });
    await uploadCsv(app.baseUrl, priceCsv(ordinaryHistory(item)));
    expect(await until(async () => (await getJson(app.baseUrl, '/health/ready')).body.info?.broker?.status === 'up', 10_000)).toBe(true);
    await vhost.channel.assertQueue('test-alerts', { exclusive: true });
    await vhost.channel.bindQueue('test-alerts', 'price-alerts', 'alert.#');
  });
  afterAll(async () => {
    await app?.stop();
    await vhost?.delete();
    await db?.drop();
  });

  it('stores normal prices, opens and publishes alerts, and dead-letters what can never be valid, with the reason', async () => {
    publish({ observation_id: 'q-1', item_id: item, ord_closed_dt: '2024-03-01', price: 101 });
    publish({ observations: [{ observation_id: 'q-2', item_id: item, ord_closed_dt: '2024-03-01', price: 100 }, { observation_id: 'q-3', item_id: item, ord_closed_dt: '2024-03-01', price: 990 }] });
    publish('not json');
    publish({ observation_id: 'q-4', item_id: item, ord_closed_dt: '2024-02-30', price: 100 });
    expect(await until(async () => (await rows()) === 42 && (await queued('price-observations.dlq')) === 2, 10_000)).toBe(true);
    expect(await queued('price-observations')).toBe(0);

    const alerts = (await getJson(app.baseUrl, `/alerts?item_id=${item}`)).body.alerts;
    expect(alerts.map((alert: { observation_id: string }) => alert.observation_id)).toEqual(['q-3']);
    expect(await until(async () => (await queued('test-alerts')) === 1, 10_000)).toBe(true);
    const published = await vhost.channel.get('test-alerts', { noAck: true });
    expect(published && published.fields.routingKey).toBe('alert.high');
    expect(JSON.parse(published ? published.content.toString() : '{}')).toMatchObject({ event: 'alert.opened', alert_id: alerts[0].alert_id, observation_id: 'q-3' });

    const reasons: string[] = [];
    for (let message = await vhost.channel.get('price-observations.dlq', { noAck: true }); message; message = await vhost.channel.get('price-observations.dlq', { noAck: true })) {
      reasons.push(String(message.properties.headers?.['x-rejection-reason']));
    }
    expect(reasons).toEqual(['not JSON', expect.stringContaining('observations.0')]);
  });

  it('judges a message delivered twice once (an observation without id gets one from the message)', async () => {
    const before = await rows();
    const body = { item_id: item, ord_closed_dt: '2024-03-02', price: 100.5 };
    publish(body);
    publish(body);
    expect(await until(async () => (await queued('price-observations')) === 0 && (await rows()) === before + 1, 10_000)).toBe(true);
    await sleep(200);
    expect(await rows()).toBe(before + 1);
  });

  it('keeps serving HTTP when the broker drops it, reconnects, and consumes again', async () => {
    await vhost.closeConnections();
    expect((await postJson(app.baseUrl, '/detectAnomaly', { item_id: item, price: 100 })).status).toBe(200);
    await vhost.reconnect();
    await vhost.channel.assertQueue('test-alerts', { exclusive: true });
    expect(await until(async () => (await getJson(app.baseUrl, '/health/ready')).body.info?.broker?.status === 'up', 20_000)).toBe(true);
    const before = await rows();
    publish({ observation_id: 'q-after', item_id: item, ord_closed_dt: '2024-03-03', price: 101 });
    expect(await until(async () => (await rows()) === before + 1, 10_000)).toBe(true);
  });

  it.each(['kill -9', 'SIGTERM'] as const)('loses nothing and doubles nothing when the app is stopped by %s mid-stream', async (how) => {
    const prefix = `stop-${how === 'SIGTERM' ? 'term' : 'kill'}`;
    const total = 8000;
    const committed = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM price_observation WHERE observation_id LIKE $1', [`${prefix}-%`]))[0].n);
    // Many items with a history each: every batch retrains their models, so the stream lasts long enough to be cut.
    const items = Array.from({ length: 40 }, (_, i) => `${item}${prefix.toUpperCase().replace(/[^A-Z]/g, '')}${i}`);
    await uploadCsv(app.baseUrl, priceCsv(items.flatMap((id) => ordinaryHistory(id))));
    const historyBefore = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);
    for (let message = 0; message < total / 100; message++) {
      publish({ observations: Array.from({ length: 100 }, (_, i) => ({
        observation_id: `${prefix}-${message * 100 + i}`, item_id: items[(message * 100 + i) % items.length], ord_closed_dt: '2024-03-04', price: 100 + (i % 3),
      })) });
    }
    expect(await until(async () => (await committed()) > 0, 20_000)).toBe(true);
    const atStop = await committed();
    expect(atStop).toBeLessThan(total); // cut mid-stream, with batches still in flight or queued
    if (how === 'SIGTERM') expect((await app.terminate()).exitCode).toBe(0);
    else await app.kill();
    app = await startApp(appName, { databaseUrl: db.url, env: { AMQP_URL: vhost.url, AMQP_BATCH_WAIT_MS: '20', AMQP_PREFETCH: '5' } });
    expect(await until(async () => (await committed()) === total && (await queued('price-observations')) === 0, 60_000)).toBe(true);
    const history = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);
    console.log(`${appName}, ${how} after ${atStop} of ${total} committed: ${total - (await committed())} lost, ${history - historyBefore - total} doubled`);
    expect(history - historyBefore).toBe(total);
  });

  it('shares the queue between several consuming processes, each observation stored once', async () => {
    const second = await startApp(appName === 'mvc-api' ? 'clean-api' : 'mvc-api', { databaseUrl: db.url, env: { AMQP_URL: vhost.url, AMQP_BATCH_WAIT_MS: '20', AMQP_PREFETCH: '5' } });
    try {
      expect(await until(async () => (await getJson(second.baseUrl, '/health/ready')).body.info?.broker?.status === 'up', 10_000)).toBe(true);
      const total = 4000;
      const committed = async () => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM price_observation WHERE observation_id LIKE 'shared-%'"))[0].n);
      const before = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);
      for (let message = 0; message < total / 100; message++) {
        publish({ observations: Array.from({ length: 100 }, (_, i) => ({ observation_id: `shared-${message * 100 + i}`, item_id: item, ord_closed_dt: '2024-03-06', price: 100 + (i % 3) })) });
      }
      expect(await until(async () => (await committed()) === total && (await queued('price-observations')) === 0, 60_000)).toBe(true);
      expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n) - before).toBe(total);
      const consumers = (await vhost.channel.checkQueue('price-observations')).consumerCount;
      expect(consumers).toBe(2);
    } finally {
      await second.stop();
    }
  });
});
