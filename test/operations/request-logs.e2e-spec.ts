import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { appPerSuite } from '../support/app-per-suite.js';
import { APP_NAMES } from '../support/running-app.js';

const SECRET = 'super-secret-key-value';

describe.each(APP_NAMES)('request logs (%s)', (appName) => {
  const suite = appPerSuite(appName, { settings: { env: { API_KEYS_READ: SECRET } } });
  const logLines = () => suite.app.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));

  it('logs one JSON line per request with method, route, status, duration and the request id it echoes', async () => {
    const response = await fetch(`${suite.app.baseUrl}/detectAnomaly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123', authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ item_id: '111', price: 5 }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123'); // error responses carry it too
    for (let i = 0; i < 30 && !logLines().some((entry) => entry.req_id === 'trace-abc-123'); i++) await sleep(100); // buffered: up to 1 s
    const line = logLines().find((entry) => entry.req_id === 'trace-abc-123');
    expect(line).toMatchObject({ method: 'POST', path: '/detectAnomaly', route: '/detectAnomaly', status: 404, ms: expect.any(Number) });
    expect(suite.app.output()).not.toContain(SECRET); // neither keys nor bodies reach the logs
    expect(suite.app.output()).not.toContain('"price"');
  });

  it('generates a request id when the client sends none (or a malformed one)', async () => {
    const plain = await fetch(`${suite.app.baseUrl}/health/live`);
    const malformed = await fetch(`${suite.app.baseUrl}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
