import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postJson, uploadCsv } from '../support/http.js';
import { priceCsv } from '../support/price-csv-builder.js';
import { startCleanApi, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('detection models on the seeded database', () => {
  let db: TestDatabase;
  let writer: RunningApp;
  let reader: RunningApp;
  let mlEngine: RunningApp;
  const detect = (app: RunningApp, item_id: string, price: number) => postJson(app.baseUrl, '/detectAnomaly', { item_id, price });

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    [writer, reader, mlEngine] = await Promise.all([
      startCleanApi({ databaseUrl: db.url }),
      startCleanApi({ databaseUrl: db.url }),
      startCleanApi({ databaseUrl: db.url, anomalyEngine: 'ml-isolation-forest' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([writer.stop(), reader.stop(), mlEngine.stop()]);
    await db.drop();
  });

  it("answers the old README's examples: 200 is normal for MLB1450506718, ten times its median is not", async () => {
    const normal = await detect(reader, 'MLB1450506718', 200);
    expect(normal.body).toMatchObject({ anomaly: false, metadata: { direction: null, model: { trained_on: 67 } } });
    const high = await detect(reader, 'MLB1450506718', 1850);
    expect(high.body).toMatchObject({ anomaly: true, metadata: { reason: 'outside_normal_range', direction: 'high' } });
  });

  it('uses the engine ANOMALY_ENGINE names', async () => {
    expect((await detect(reader, 'MLB4432316952', 22)).body.metadata.model.engine).toBe('isolation-forest');
    expect((await detect(mlEngine, 'MLB4432316952', 22)).body.metadata.model.engine).toBe('ml-isolation-forest');
  });

  it('gives identical verdicts and scores from separate app instances (seeded forests)', async () => {
    const [a, b] = await Promise.all([detect(writer, 'MLB1073354076', 95), detect(reader, 'MLB1073354076', 95)]);
    expect(a.body).toEqual(b.body);
  });

  it('never answers from a model of a history another app instance has since changed', async () => {
    expect((await detect(reader, 'MLBSHIFT', 10)).status).toBe(404);

    await uploadCsv(writer.baseUrl, priceCsv(Array.from({ length: 40 }, (_, i) => ['MLBSHIFT', `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, '10.00'])));
    const cheap = await detect(reader, 'MLBSHIFT', 100);
    expect(cheap.body).toMatchObject({ anomaly: true, metadata: { model: { trained_on: 40 } } });
    expect((await detect(reader, 'MLBSHIFT', 100)).body.metadata.model.history_version).toBe(cheap.body.metadata.model.history_version);

    await uploadCsv(writer.baseUrl, priceCsv(Array.from({ length: 60 }, (_, i) => ['MLBSHIFT', `2024-02-${String((i % 28) + 1).padStart(2, '0')}`, '100.00'])));
    const after = await detect(reader, 'MLBSHIFT', 100);
    expect(after.body).toMatchObject({ anomaly: false, metadata: { model: { trained_on: 100 } } });
    expect(after.body.metadata.model.history_version).not.toBe(cheap.body.metadata.model.history_version);
  });

  it('also sees changes made outside the apps, straight in the database', async () => {
    const warm = await detect(reader, 'MLB4097203966', 150);
    await db.query("DELETE FROM item_historical_pricing WHERE item_id = 'MLB4097203966'");
    expect((await detect(reader, 'MLB4097203966', 150)).status).toBe(404);
    expect(warm.status).toBe(200);
  });
});
