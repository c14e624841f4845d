import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { consolePage, launchBrowser, screenshot } from '../support/browser.js';
import { generatedCsv } from '../support/generated-csv.js';
import { getJson, postJson } from '../support/http.js';
import { appPerSuite } from '../support/app-per-suite.js';
import { priceCsv, rowsWithBadPriceAtLine } from '../support/price-csv-builder.js';
import { APP_NAMES } from '../support/running-app.js';

/** The 96,448-order item of the seed: the console must draw it by day, fast. */
const BIG_ITEM = 'MLB3836655204';
const FLAGGED_FILL = '#d62728';
const CHECKED_FILL = '#f28e2b';
const BAND_FILL = 'rgb(46,139,87)';

const countPaths = (page: Page, fill: string) => page.$$eval(`#chart svg path[fill="${fill}"]`, (paths) => paths.length);
const ready = (page: Page) => page.waitForSelector('body[data-ready="true"]');

describe.each(APP_NAMES)('the console in a real browser (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true });
  let browser: Browser;
  const url = (path: string) => `${suite.app.baseUrl}${path}`;
  const rowsOf = async (itemId: string) => Number((await suite.db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing WHERE item_id = $1', [itemId]))[0].n);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the 96k-order item by day: its band, and exactly the flagged orders its report lists as red points", async () => {
    const { page, problems } = await consolePage(browser);
    await page.goto(url(`/console/items/${BIG_ITEM}`));
    await ready(page);
    const loadMs = await page.evaluate(() => Math.round(performance.now()));
    const report = (await getJson(suite.app.baseUrl, `/items/${BIG_ITEM}/report`)).body;
    expect(report.flagged.length).toBeGreaterThan(0);
    expect(await countPaths(page, FLAGGED_FILL)).toBe(report.flagged.length);
    expect(await countPaths(page, BAND_FILL)).toBe(1);
    expect(await page.title()).toContain(BIG_ITEM);
    expect(await page.textContent('#summary')).toContain('96,448');
    // Daily aggregates, not one SVG node per order.
    expect(await page.$$eval('#chart svg *', (nodes) => nodes.length)).toBeLessThan(5000);
    console.log(`${appName}: item page of ${BIG_ITEM} ready ${loadMs} ms after navigation started; ${await screenshot(page, `${appName}-item`)}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('checks a price: shows the verdict with its explanation and places the price on the chart', async () => {
    const { page, problems } = await consolePage(browser);
    await page.goto(url('/console/items/MLB1450506718'));
    await ready(page);
    await page.fill('#price', '1850');
    await page.click('#check button');
    await page.waitForSelector('#verdict .verdict');
    expect(await page.textContent('#verdict .verdict')).toBe('Anomalous: too high');
    expect(await page.textContent('#verdict')).toContain('outside_normal_range');
    expect(await countPaths(page, CHECKED_FILL)).toBe(1);
    await page.fill('#price', '200');
    await page.press('#price', 'Enter');
    await page.locator('#verdict .verdict', { hasText: /^Normal$/ }).waitFor();
    expect(await countPaths(page, CHECKED_FILL)).toBe(2);
    await screenshot(page, `${appName}-check-price`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('redraws the band and the flagged points when the sensitivity changes', async () => {
    const { page } = await consolePage(browser);
    await page.goto(url(`/console/items/${BIG_ITEM}`));
    await ready(page);
    const expected = (await getJson(suite.app.baseUrl, `/items/${BIG_ITEM}/report?sensitivity=100`)).body.flagged.length;
    await page.locator('#sensitivity').fill('100');
    await page.waitForFunction(([fill, count]) => (globalThis as any).document.querySelectorAll(`#chart svg path[fill="${fill}"]`).length === count, [FLAGGED_FILL, expected] as const);
    expect(await page.textContent('#summary')).toContain('Sensitivity100');
    await page.close();
  });

  it('says so, clearly, for an unknown item', async () => {
    const { page } = await consolePage(browser);
    await page.goto(url('/console/items/MLBNOSUCHITEM'));
    await ready(page);
    expect(await page.textContent('#message')).toContain('No item MLBNOSUCHITEM: it has no price history');
    expect(await page.isHidden('#content')).toBe(true);
    await page.close();
  });

  it('finds items by prefix from the home page and lists the newest open alerts', async () => {
    await postJson(suite.app.baseUrl, '/prices', { observations: [{ observation_id: `home-${appName}`, item_id: 'MLB1450506718', ord_closed_dt: '2024-03-12', price: 9999 }] });
    const { page, problems } = await consolePage(browser);
    await page.goto(url('/'));
    await page.waitForSelector('#newest-alerts a');
    expect(await page.textContent('#newest-alerts')).toContain('MLB1450506718');
    expect(await page.textContent('#top-items')).toContain('MLB1450506718');
    await page.type('#item-id', 'MLB14');
    await page.locator('#suggestions option').first().waitFor({ state: 'attached' });
    const suggested = await page.$$eval('#suggestions option', (options) => options.map((option) => option.getAttribute('value') ?? ''));
    expect(suggested.every((id) => id.startsWith('MLB14'))).toBe(true);
    await page.fill('#item-id', 'MLB1450506718');
    await page.press('#item-id', 'Enter');
    await page.waitForURL(/\/console\/items\/MLB1450506718$/);
    await screenshot(page, `${appName}-home`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('dismisses an alert with a note: it leaves the open list and its price joins the history', async () => {
    const itemId = 'MLB4432316952';
    const { body } = await postJson(suite.app.baseUrl, '/prices', { observations: [{ observation_id: `dismiss-${appName}`, item_id: itemId, ord_closed_dt: '2024-03-12', price: 9999 }] });
    const alertId = body.results[0].alert_id;
    expect(alertId).toEqual(expect.any(String));
    const before = await rowsOf(itemId);
    const { page, problems } = await consolePage(browser);
    await page.goto(url(`/console/alerts?status=open&item_id=${itemId}`));
    await ready(page);
    const row = page.locator(`tr[data-alert-id="${alertId}"]`);
    await row.locator('input[name="note"]').fill('real price: a bundle');
    await screenshot(page, `${appName}-alerts`);
    await row.locator('button[data-resolution="dismissed"]').click();
    await page.waitForSelector(`tr[data-alert-id="${alertId}"]`, { state: 'detached' });
    expect(await rowsOf(itemId)).toBe(before + 1);
    expect((await getJson(suite.app.baseUrl, `/alerts?status=dismissed&item_id=${itemId}`)).body.alerts[0]).toMatchObject({ alert_id: alertId, resolution_note: 'real price: a bundle' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('uploads a file with a progress bar that moves, then shows the rows inserted', async () => {
    const dir = join(process.cwd(), 'test-output', 'uploads');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${appName}-orders.csv`);
    writeFileSync(file, await generatedCsv(400_000, appName === 'mvc-api' ? 31 : 32));
    const { page, problems } = await consolePage(browser);
    await page.goto(url('/console/upload'));
    await page.setInputFiles('#file', file);
    await page.click('#upload button');
    const seen = new Set<number>();
    while ((await page.getAttribute('body', 'data-done')) !== 'true') {
      seen.add(await page.$eval('#progress', (bar) => Number((bar as unknown as { value: number }).value)));
      await page.waitForTimeout(20);
    }
    expect([...seen].some((value) => value > 0 && value < 1)).toBe(true);
    expect(await page.textContent('#inserted')).toBe('400,000 rows inserted.');
    await screenshot(page, `${appName}-upload`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the line-numbered problems of a bad file, and stores nothing', async () => {
    const dir = join(process.cwd(), 'test-output', 'uploads');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${appName}-bad.csv`);
    writeFileSync(file, priceCsv(rowsWithBadPriceAtLine(50, 17)));
    const { page } = await consolePage(browser);
    await page.goto(url('/console/upload'));
    await page.setInputFiles('#file', file);
    await page.click('#upload button');
    await page.waitForSelector('#problems');
    const cells = await page.$$eval('#problems tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual([['17', 'PRICE', 'abc', expect.any(String)]]);
    await screenshot(page, `${appName}-upload-bad`);
    await page.close();
  });
});
