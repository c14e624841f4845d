import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { get } from 'node:http';
import { getJson } from '../support/http.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { until } from '../support/wait.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** WORKERS=N: N processes of the app on its port, sharing nothing but the database. */
describe.each(APP_NAMES)('WORKERS=2 (%s)', (appName) => {
  let db: TestDatabase;
  let app: RunningApp;
  const pids = new Set<number>();
  /** The cluster hands out connections, not requests: a fresh connection each time. */
  const pidOnNewConnection = () => new Promise<number | undefined>((done) => {
    const request = get(`${app.baseUrl}/health/live`, { agent: false, timeout: 2000 }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk)).on('end', () => done(response.statusCode === 200 ? JSON.parse(text).details.process.pid : undefined));
    });
    // A connection handed to a worker as it was killed gets no answer: it counts as not answered.
    request.on('timeout', () => request.destroy()).on('error', () => done(undefined));
  });
  const answeringPids = async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const pid = await pidOnNewConnection();
      if (pid !== undefined) seen.add(pid);
    }
    return seen;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    app = await startApp(appName, { databaseUrl: db.url, env: { WORKERS: '2' } });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('answers on one port from two worker processes, each reporting its own health', async () => {
    expect(await until(async () => (await answeringPids()).size === 2, 20_000)).toBe(true);
    for (const pid of await answeringPids()) pids.add(pid);
    expect(pids.size).toBe(2);
    expect(pids.has(app.pid)).toBe(false);
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => getJson(app.baseUrl, '/historicalPricingByIdItem/MLB4432316952?limit=1')));
    expect(verdicts.every((response) => response.status === 200)).toBe(true);
  });

  it('replaces a worker that dies and keeps answering', async () => {
    const [victim] = [...pids];
    process.kill(victim, 'SIGKILL');
    expect(await until(async () => {
      const now = await answeringPids();
      return now.size === 2 && !now.has(victim);
    }, 20_000)).toBe(true);
    expect(app.output()).toContain('starting another');
    for (const pid of await answeringPids()) pids.add(pid);
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = [...(await answeringPids())];
    const { exitCode } = await app.terminate();
    expect(exitCode).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
  });
});
