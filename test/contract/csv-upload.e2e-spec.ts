import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getJson, uploadCsv } from '../support/http.js';
import { CSV_HEADER, priceCsv, rowsWithBadPriceAtLine, validRows } from '../support/price-csv-builder.js';
import { APP_NAMES, startApp, type RunningApp } from '../support/running-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** docs/API.md, POST /cargarCsvHistorico: the old clients' upload, its Spanish answers and its failures. */
describe.each(APP_NAMES)('POST /cargarCsvHistorico (%s)', (appName) => {
  let db: TestDatabase;
  let app: RunningApp;
  const storedRows = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(appName, { databaseUrl: db.url, maxUploadBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('stores a valid file and says so in Spanish, then inserts nothing for the same file again', async () => {
    const csv = priceCsv(validRows(200, 'MLBUPLOAD'));
    const first = await uploadCsv(app.baseUrl, csv);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ mensaje: 'Datos insertados correctamente', inserted: 200, import_id: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const rows = await storedRows();

    const again = await uploadCsv(app.baseUrl, csv, 'archivo_csv', 'renamed.csv');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ mensaje: 'El archivo ya fue cargado', inserted: 0, import_id: first.body.import_id, sha256: first.body.sha256 });
    expect(await storedRows()).toBe(rows);
  });

  it("accepts the 'file' field, CRLF line ends, a BOM, quoted fields and lower-case headers", async () => {
    const csv = '\uFEFF' + priceCsv([['MLBCRLF', '2024-01-02', '"12.5"'], ['"MLBCRLF"', '2024-01-03', '13']], { header: 'item_id,Ord_Closed_Dt,price', eol: '\r\n' });
    const { status, body } = await uploadCsv(app.baseUrl, csv, 'file');
    expect(status).toBe(201);
    expect(body.inserted).toBe(2);
    expect((await getJson(app.baseUrl, '/historicalPricingByIdItem/MLBCRLF')).body.map((r: { price: number }) => r.price)).toEqual([12.5, 13]);
  });

  it('stores nothing from a file with a bad row at line 5000 of 10000 and names that line', async () => {
    const before = await storedRows();
    const { status, body } = await uploadCsv(app.baseUrl, priceCsv(rowsWithBadPriceAtLine(10000, 5000)));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'CSV_INVALID',
      bad_rows: 1,
      errors: [{ line: 5000, column: 'PRICE', value: 'abc', message: expect.any(String) }],
    });
    expect(await storedRows()).toBe(before);
  });

  it.each([
    ['an empty file', ''],
    ['a header only', `${CSV_HEADER}\n`],
    ['a wrong header', priceCsv(validRows(3), { header: 'ITEM,DATE,PRICE' })],
    ['a non-calendar date', priceCsv([['MLBX', '2024-02-30', '10']])],
    ['a price with 5 decimals', priceCsv([['MLBX', '2024-02-01', '10.12345']])],
    ['a zero price', priceCsv([['MLBX', '2024-02-01', '0']])],
    ['a missing field', `${CSV_HEADER}\nMLBX,2024-02-01\n`],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])],
  ])('answers 400 CSV_INVALID for %s and stores nothing', async (_case, content) => {
    const before = await storedRows();
    const { status, body } = await uploadCsv(app.baseUrl, content);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'CSV_INVALID', error: expect.stringMatching(/^Error procesando el archivo \.csv: /) });
    const [first] = body.errors;
    expect(first).toEqual({ line: expect.any(Number), column: first.column, value: first.value, message: expect.any(String) });
    expect([null, 'ITEM_ID', 'ORD_CLOSED_DT', 'PRICE']).toContain(first.column);
    expect(await storedRows()).toBe(before);
  });

  it('answers 400 CSV_FILE_REQUIRED when no file is sent', async () => {
    const response = await fetch(`${app.baseUrl}/cargarCsvHistorico`, { method: 'POST', body: new FormData() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'Se requiere un archivo CSV', code: 'CSV_FILE_REQUIRED' });
  });

  it('answers 400 CSV_FILE_REQUIRED for a file under another field name', async () => {
    const { status, body } = await uploadCsv(app.baseUrl, priceCsv(validRows(2)), 'csv');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'Se requiere un archivo CSV', code: 'CSV_FILE_REQUIRED' });
  });

  it('answers 413 past MAX_UPLOAD_BYTES and stores nothing', async () => {
    const before = await storedRows();
    const { status, body } = await uploadCsv(app.baseUrl, priceCsv(validRows(50_000, 'MLBHUGE')));
    expect(status).toBe(413);
    expect(body).toMatchObject({ code: 'UPLOAD_TOO_LARGE', error: expect.any(String) });
    expect(await storedRows()).toBe(before);
  });
});
