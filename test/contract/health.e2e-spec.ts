import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getJson } from '../support/http.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe.each(APP_NAMES)('health (%s)', (appName) => {
  let db: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(appName, { databaseUrl: db.url });
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('is live', async () => {
    expect(await getJson(app.baseUrl, '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is ready once the database answers and migrations are applied', async () => {
    expect(await getJson(app.baseUrl, '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
