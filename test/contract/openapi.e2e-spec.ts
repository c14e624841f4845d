import { describe, expect, it } from '@jest/globals';
import { appPerSuite } from '../support/app-per-suite.js';
import { APP_NAMES } from '../support/running-app.js';

/** Every route of docs/API.md with every status code it can answer. */
const CONTRACT: Record<string, Record<string, string[]>> = {
  '/historicalPricingByIdItem/{item_id}': { get: ['200', '400', '401', '403', '429', '503'] },
  '/detectAnomaly': { post: ['200', '400', '401', '403', '404', '413', '429', '503'] },
  '/detectAnomaly/batch': { post: ['200', '400', '401', '403', '413', '429', '503'] },
  '/items/{item_id}/report': { get: ['200', '400', '401', '403', '404', '429', '503'] },
  '/prices': { post: ['200', '400', '401', '403', '413', '429', '503'] },
  '/alerts': { get: ['200', '400', '401', '403', '429', '503'] },
  '/alerts/{alert_id}/resolve': { post: ['200', '400', '401', '403', '404', '409', '429', '503'] },
  '/cargarCsvHistorico': { post: ['200', '201', '400', '401', '403', '408', '413', '429', '503'] },
  '/health/live': { get: ['200'] },
  '/health/ready': { get: ['200', '503'] },
};

describe.each(APP_NAMES)('OpenAPI document (%s)', (appName) => {
  const suite = appPerSuite(appName);

  it('describes every route with its status codes, each with an example', async () => {
    const document = (await (await fetch(`${suite.app.baseUrl}/docs-json`)).json()) as any;
    for (const [path, methods] of Object.entries(CONTRACT)) {
      for (const [method, codes] of Object.entries(methods)) {
        const responses = document.paths[path]?.[method]?.responses ?? {};
        expect({ path, method, codes: Object.keys(responses).sort() }).toEqual({ path, method, codes });
        for (const code of codes) {
          const json = responses[code].content?.['application/json'];
          expect({ path, code, documented: Boolean(json?.example ?? json?.examples) }).toEqual({ path, code, documented: true });
        }
      }
    }
    const detect = document.paths['/detectAnomaly'].post.responses;
    expect(detect['404'].content['application/json'].example).toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await fetch(`${suite.app.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});
