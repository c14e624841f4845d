import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { generatedCsv } from '../support/generated-csv.js';
import { RawUpload } from '../support/raw-upload.js';
import { APP_NAMES, startApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const SHUTDOWN_TIMEOUT_MS = 1500;

describe.each(APP_NAMES)('graceful shutdown on SIGTERM (%s)', (appName) => {
  let db: TestDatabase;
  let file: string;
  const storedRows = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM item_historical_pricing'))[0].n;
  const copyUnderWay = async () => {
    for (let i = 0; i < 60; i++) {
      if ((await db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY%' AND state = 'active'")).length) return true;
      await sleep(50);
    }
    return false;
  };

  beforeAll(async () => {
    [db, file] = await Promise.all([createTestDatabase(), generatedCsv(30_000, 8)]);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('lets an in-flight upload finish, refuses new connections, then exits 0', async () => {
    const app = await startApp(appName, { databaseUrl: db.url, env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) } });
    const upload = new RawUpload(app.baseUrl, file.length);
    await upload.write(file.slice(0, file.length / 2));
    expect(await copyUnderWay()).toBe(true);

    const exited = app.terminate();
    await sleep(100);
    await expect(fetch(`${app.baseUrl}/health/live`)).rejects.toThrow(); // no longer accepting
    await upload.write(file.slice(file.length / 2));
    upload.finish();
    expect((await upload.response).status).toBe(201);
    expect((await exited).exitCode).toBe(0);
    expect(await storedRows()).toBe(30_000);
  });

  it('rolls back an upload still unfinished at SHUTDOWN_TIMEOUT_MS and exits 0 within the bound', async () => {
    const before = await storedRows();
    const other = file.replace(/^MLB/gm, 'MLS');
    const app = await startApp(appName, { databaseUrl: db.url, env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) } });
    const upload = new RawUpload(app.baseUrl, other.length);
    upload.response.catch(() => undefined);
    upload.request.on('error', () => undefined);
    await upload.write(other.slice(0, other.length / 2));
    expect(await copyUnderWay()).toBe(true);

    const { exitCode, elapsedMs } = await app.terminate(); // the client never sends the rest
    console.log(`${appName}: exited ${exitCode} ${elapsedMs} ms after SIGTERM (SHUTDOWN_TIMEOUT_MS=${SHUTDOWN_TIMEOUT_MS})`);
    expect(exitCode).toBe(0);
    expect(await storedRows()).toBe(before);
    expect(await db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")).toEqual([]);
  });
});
