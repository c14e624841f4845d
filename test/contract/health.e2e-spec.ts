import { describe, expect, it } from '@jest/globals';
import { getJson } from '../support/http.js';
import { appPerSuite } from '../support/app-per-suite.js';
import { APP_NAMES } from '../support/running-app.js';

/** docs/API.md, Operations: liveness and readiness. */
describe.each(APP_NAMES)('health (%s)', (appName) => {
  const suite = appPerSuite(appName);

  it('is live', async () => {
    expect(await getJson(suite.app.baseUrl, '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is ready once the database answers and migrations are applied', async () => {
    expect(await getJson(suite.app.baseUrl, '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
