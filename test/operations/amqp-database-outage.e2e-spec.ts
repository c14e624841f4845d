import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { EmbeddedPostgresServer } from '#libs/database';
import { uploadCsv } from '../support/http.js';
import { ordinaryHistory, priceCsv } from '../support/price-csv-builder.js';
import { TestVhost } from '../support/rabbitmq.js';
import { APP_NAMES, startApp, type AppName, type RunningApp } from '../support/running-app.js';
import { until } from '../support/wait.js';

/** Messages that arrive while the database is away stay unacknowledged, and are stored once it is back. */
describe.each(APP_NAMES)('RabbitMQ ingest through a database outage (%s)', (appName: AppName) => {
  let dir: string;
  let server: EmbeddedPostgresServer;
  let vhost: TestVhost;
  let app: RunningApp;
  let url: string;
  const item = `MLBOUT${appName === 'mvc-api' ? 'M' : 'C'}`;
  const committed = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM price_observation WHERE observation_id LIKE 'outage-%'")).rows[0].n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'amqp-outage-'));
    await chmod(dir, 0o755); // the postgres OS user must reach the data dir when we run as root
    server = new EmbeddedPostgresServer({ dataDir: join(dir, 'pg'), database: 'outage' });
    url = (await server.start()).url;
    vhost = new TestVhost();
    await vhost.create();
    app = await startApp(appName, { databaseUrl: url, env: { AMQP_URL: vhost.url } });
    await uploadCsv(app.baseUrl, priceCsv(ordinaryHistory(item)));
  });
  afterAll(async () => {
    await app?.stop();
    await vhost?.delete();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the messages while PostgreSQL is down and stores each exactly once when it returns', async () => {
    await server.stop();
    for (let i = 0; i < 10; i++) {
      vhost.channel.sendToQueue('price-observations', Buffer.from(JSON.stringify({ observation_id: `outage-${i}`, item_id: item, ord_closed_dt: '2024-03-05', price: 101 })), { persistent: true });
    }
    await sleep(2500); // batches fail and are requeued meanwhile
    await server.start();
    expect(await until(async () => (await committed().catch(() => 0)) === 10, 30_000)).toBe(true);
    await sleep(500);
    expect(await committed()).toBe(10);
    expect((await vhost.channel.checkQueue('price-observations')).messageCount).toBe(0);
  });
});
