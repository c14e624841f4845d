import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_DETECTION_POLICY, inHouseEngine, PriceAnomalyModel } from '#libs/anomaly-detection';
import { evalDataset, type EvalItem } from '../../evaluation/src/eval-dataset.js';
import { postJson, uploadCsv } from '../support/http.js';
import { priceCsv, type CsvRow } from '../support/price-csv-builder.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A seed the policy was not tuned on, and a reduced set: 6 shapes x 3 sizes x 4 items. */
const SEED = 2_026;
const dayOf = (order: number) => new Date(Date.UTC(2023, 0, 1 + order)).toISOString().slice(0, 10);

/**
 * The evaluation's verdicts hold through the HTTP API: the held-out items uploaded as CSV, their
 * queries sent through the batch route of both apps, each answer equal to the library's verdict.
 */
describe('detection quality through the HTTP API of both apps', () => {
  let db: TestDatabase;
  const apps = new Map<string, RunningApp>();
  const items: EvalItem[] = [...evalDataset({ seed: SEED, sizes: [10, 30, 200], itemsPerShape: 4 })];
  const queries = items.flatMap((item) => [
    ...item.normal.map((price) => ({ item, price, label: 'normal' as const })),
    ...item.moderate.map((price) => ({ item, price, label: 'moderate' as const })),
    ...item.gross.map((price) => ({ item, price, label: 'gross' as const })),
  ]);

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const name of APP_NAMES) apps.set(name, await startApp(name, { databaseUrl: db.url }));
    const rows: CsvRow[] = items.flatMap((item) => item.prices.map((price, order): CsvRow => [item.itemId, dayOf(order), price.toFixed(4)]));
    expect((await uploadCsv(apps.get('mvc-api')!.baseUrl, priceCsv(rows))).status).toBe(201);
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.stop();
    await db?.drop();
  });

  it.each(APP_NAMES)('%s gives the library verdict for every held-out query', async (name) => {
    const { status, body } = await postJson(apps.get(name)!.baseUrl, '/detectAnomaly/batch', {
      prices: queries.map(({ item, price }) => ({ item_id: item.itemId, price })),
    });
    expect(status).toBe(200);
    const models = new Map(items.map((item) => [item, PriceAnomalyModel.train(
      [...item.prices].sort((a, b) => a - b), 'any', inHouseEngine, DEFAULT_DETECTION_POLICY, item.prices)])); // as the database hands them over
    const differing = queries.filter(({ item, price }, index) => models.get(item)!.judge(price).anomaly !== body.results[index].anomaly);
    expect(differing).toEqual([]);
    const rate = (label: string, flagged: boolean) => {
      const of = queries.map((query, index) => ({ query, flagged: body.results[index].anomaly })).filter(({ query }) => query.label === label);
      return `${of.filter((entry) => entry.flagged === flagged).length}/${of.length}`;
    };
    console.log(`${name}, ${items.length} held-out items (seed ${SEED}): false positives ${rate('normal', true)}, moderate caught ${rate('moderate', true)}, gross caught ${rate('gross', true)}`);
  });
});
