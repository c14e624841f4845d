import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import newman, { type NewmanRunSummary } from 'newman';
import { resolve } from 'node:path';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const POSTMAN_DIR = resolve('postman');

function runCollection(baseUrl: string): Promise<NewmanRunSummary> {
  return new Promise((done, fail) => {
    newman.run({
      collection: resolve(POSTMAN_DIR, 'price-anomaly.postman_collection.json'),
      envVar: [{ key: 'baseUrl', value: baseUrl }],
      workingDir: POSTMAN_DIR,
      reporters: [],
    }, (error, summary) => (error ? fail(error) : done(summary)));
  });
}

/** The Postman collection users run by hand, run here so that it can never rot. */
describe.each(APP_NAMES)('Postman collection against %s', (appName) => {
  let db: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true }); // the collection uploads: a fresh database per app
    app = await startApp(appName, { databaseUrl: db.url });
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('passes every request and every test script', async () => {
    const { run } = await runCollection(app.baseUrl);
    const failures = run.failures.map((f) => `${f.source?.name}: ${f.error.message}`);
    expect(failures).toEqual([]);
    expect(run.stats.requests.total).toBe(27);
    expect(run.stats.assertions.total).toBe(58);
    console.log(`${appName}: ${run.stats.requests.total} requests, ${run.stats.assertions.total} assertions, ${run.stats.assertions.failed} failed`);
  });
});
