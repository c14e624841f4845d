import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getJson, postJson, uploadCsv } from '../support/http.js';
import { priceCsv, type CsvRow } from '../support/price-csv-builder.js';
import { startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { until } from '../support/wait.js';

const daysOf = (count: number, month: string, price: string, itemId: string): CsvRow[] =>
  Array.from({ length: count }, (_, i) => [itemId, `2024-${month}-${String((i % 28) + 1).padStart(2, '0')}`, price]);

describe('detection models, both apps on one seeded database', () => {
  let db: TestDatabase;
  let mvc: RunningApp;
  let clean: RunningApp;
  let cleanWithMlEngine: RunningApp;
  const detect = (app: RunningApp, item_id: string, price: number) => postJson(app.baseUrl, '/detectAnomaly', { item_id, price });

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    [mvc, clean, cleanWithMlEngine] = await Promise.all([
      startApp('mvc-api', { databaseUrl: db.url }),
      startApp('clean-api', { databaseUrl: db.url }),
      startApp('clean-api', { databaseUrl: db.url, anomalyEngine: 'ml-isolation-forest' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mvc.stop(), clean.stop(), cleanWithMlEngine.stop()]);
    await db.drop();
  });

  it.each(['mvc', 'clean'] as const)("answers the old README's examples (%s): 200 is normal for MLB1450506718, 10x its median is not", async (which) => {
    const app = which === 'mvc' ? mvc : clean;
    expect((await detect(app, 'MLB1450506718', 200)).body).toMatchObject({ anomaly: false, metadata: { direction: null, model: { trained_on: 67 } } });
    expect((await detect(app, 'MLB1450506718', 1850)).body).toMatchObject({ anomaly: true, metadata: { reason: 'outside_normal_range', direction: 'high' } });
  });

  it('gives byte-identical verdicts from both apps (same seeded forest, same policy)', async () => {
    for (const [itemId, price] of [['MLB1073354076', 95], ['MLB4432316952', 300], ['MLB3836669552', 4]] as const) {
      const [fromMvc, fromClean] = await Promise.all([detect(mvc, itemId, price), detect(clean, itemId, price)]);
      expect(fromMvc.status).toBe(200);
      expect(fromMvc.body).toEqual(fromClean.body);
    }
  });

  it('uses the engine ANOMALY_ENGINE names', async () => {
    expect((await detect(clean, 'MLB4432316952', 22)).body.metadata.model.engine).toBe('isolation-forest');
    expect((await detect(cleanWithMlEngine, 'MLB4432316952', 22)).body.metadata.model.engine).toBe('ml-isolation-forest');
  });

  it.each([['mvc', 'clean'], ['clean', 'mvc']] as const)('an upload through %s-api is seen at once by %s-api, never a stale model', async (writerName, _readerName) => {
    const [writer, reader] = writerName === 'mvc' ? [mvc, clean] : [clean, mvc];
    const itemId = `MLBSHIFT${writerName}`;
    expect((await detect(reader, itemId, 10)).status).toBe(404);

    await uploadCsv(writer.baseUrl, priceCsv(daysOf(40, '01', '10.00', itemId)));
    expect((await getJson(reader.baseUrl, `/historicalPricingByIdItem/${itemId}`)).body).toHaveLength(40);
    const cheap = await detect(reader, itemId, 100);
    expect(cheap.body).toMatchObject({ anomaly: true, metadata: { model: { trained_on: 40 } } });

    await uploadCsv(writer.baseUrl, priceCsv(daysOf(60, '02', '100.00', itemId)));
    expect((await getJson(reader.baseUrl, `/historicalPricingByIdItem/${itemId}`)).body).toHaveLength(100);
    const after = await detect(reader, itemId, 100);
    expect(after.body).toMatchObject({ anomaly: false, metadata: { model: { trained_on: 100 } } });
    expect(after.body.metadata.model.history_version).not.toBe(cheap.body.metadata.model.history_version);
  });

  it("grows the model with the feed's own batch into the new version's model: the other app, training afresh, draws the same band", async () => {
    const itemId = 'MLBGROWN';
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await (await fetch(`${clean.baseUrl}/metrics`)).text())?.[1]);
    await uploadCsv(clean.baseUrl, priceCsv(daysOf(40, '01', '10.00', itemId).map(([item, day], i) => [item, day, (10 + (i % 7) / 10).toFixed(2)])));
    await detect(clean, itemId, 10);
    const [trainings, growths] = [await metric('model_trainings_total'), await metric('model_growths_total')];

    const observations = [10.1, 10.4, 9.9, 10.2, 12].map((price, i) => ({ observation_id: `grow-${i}`, item_id: itemId, ord_closed_dt: '2024-02-10', price }));
    expect((await postJson(clean.baseUrl, '/prices', { observations })).body).toMatchObject({ stored: 5, alerts: 0 });

    const [grown, trained] = await Promise.all([detect(clean, itemId, 11.5), detect(mvc, itemId, 11.5)]);
    expect(grown.body.metadata.model).toMatchObject({ trained_on: 45, history_version: trained.body.metadata.model.history_version });
    expect(grown.body.metadata.normal_range).toEqual(trained.body.metadata.normal_range);
    expect(grown.body.metadata.expected).toBe(trained.body.metadata.expected);
    expect([await metric('model_trainings_total'), await metric('model_growths_total')]).toEqual([trainings, growths + 1]);

    // Anyone else's write makes a version the grown model is not: it is trained afresh, never served stale.
    await uploadCsv(mvc.baseUrl, priceCsv(daysOf(10, '03', '30.00', itemId)));
    expect((await detect(clean, itemId, 30)).body.metadata.model).toMatchObject({ trained_on: 55 });
  });

  it("grows the other process's model too: the feed's batch is announced, so mvc-api grows what clean-api committed instead of training it", async () => {
    const itemId = 'MLBGROWNELSEWHERE';
    const metric = async (app: RunningApp, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await (await fetch(`${app.baseUrl}/metrics`)).text())?.[1]);
    await uploadCsv(clean.baseUrl, priceCsv(daysOf(40, '01', '10.00', itemId).map(([item, day], i) => [item, day, (10 + (i % 7) / 10).toFixed(2)])));
    await Promise.all([detect(clean, itemId, 10), detect(mvc, itemId, 10)]);
    const [trainings, growths] = [await metric(mvc, 'model_trainings_total'), await metric(mvc, 'model_growths_total')];

    const observations = [10.1, 10.4, 9.9].map((price, i) => ({ observation_id: `elsewhere-${i}`, item_id: itemId, ord_closed_dt: '2024-02-10', price }));
    expect((await postJson(clean.baseUrl, '/prices', { observations })).body).toMatchObject({ stored: 3 });
    expect(await until(async () => (await metric(mvc, 'model_growths_total')) === growths + 1, 5000)).toBe(true);

    const [grownHere, grownThere] = await Promise.all([detect(clean, itemId, 11.5), detect(mvc, itemId, 11.5)]);
    expect(grownThere.body.metadata.model).toMatchObject({ trained_on: 43, history_version: grownHere.body.metadata.model.history_version });
    expect(grownThere.body.metadata.normal_range).toEqual(grownHere.body.metadata.normal_range);
    expect(await metric(mvc, 'model_trainings_total')).toBe(trainings);
  });

  it('sees changes made outside the apps, straight in the database', async () => {
    expect((await detect(mvc, 'MLB4097203966', 150)).status).toBe(200);
    expect((await detect(clean, 'MLB4097203966', 150)).status).toBe(200);
    await db.query("DELETE FROM item_historical_pricing WHERE item_id = 'MLB4097203966'");
    expect((await detect(mvc, 'MLB4097203966', 150)).status).toBe(404);
    expect((await detect(clean, 'MLB4097203966', 150)).status).toBe(404);
  });
});
