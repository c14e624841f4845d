import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { consolePage, launchBrowser, screenshot } from '../support/browser.js';
import { appPerSuite } from '../support/app-per-suite.js';
import { getJson } from '../support/http.js';
import { APP_NAMES } from '../support/running-app.js';

const WRITE_KEY = 'console-write-key';

/** With API_KEYS on, the console asks for the key when the API refuses a write, once per tab. */
describe.each(APP_NAMES)('the console with API keys on (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true, settings: { env: { API_KEYS: WRITE_KEY } } });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for the write key when the API refuses a decision, then the decision goes through', async () => {
    const itemId = 'MLB1450506718';
    const sent = await fetch(`${suite.app.baseUrl}/prices`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': WRITE_KEY },
      body: JSON.stringify({ observations: [{ observation_id: `keys-${appName}`, item_id: itemId, ord_closed_dt: '2024-03-12', price: 9999 }] }),
    });
    const alertId = ((await sent.json()) as { results: { alert_id: string }[] }).results[0].alert_id;
    const { page, problems } = await consolePage(browser);
    const prompts: string[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.message());
      void dialog.accept(WRITE_KEY);
    });
    await page.goto(`${suite.app.baseUrl}/console/alerts?item_id=${itemId}`);
    await page.waitForSelector(`tr[data-alert-id="${alertId}"]`);
    await page.locator(`tr[data-alert-id="${alertId}"] button[data-resolution="confirmed"]`).click();
    await page.waitForSelector(`tr[data-alert-id="${alertId}"]`, { state: 'detached' });
    expect(prompts).toEqual(['This service needs an API key. Key:']);
    const confirmed = (await getJson(suite.app.baseUrl, `/alerts?status=confirmed&item_id=${itemId}`)).body;
    expect(confirmed.alerts.map((alert: { alert_id: string }) => alert.alert_id)).toContain(alertId);
    await screenshot(page, `${appName}-alerts-with-keys`);
    expect(problems.filter((problem) => !/status of 401/.test(problem))).toEqual([]);
    await page.close();
  });
});
