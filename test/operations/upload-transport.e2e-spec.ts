import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { appPerSuite } from '../support/app-per-suite.js';
import { uploadCsv } from '../support/http.js';
import { priceCsv, validRows } from '../support/price-csv-builder.js';
import { RawUpload } from '../support/raw-upload.js';
import { multipartBody, rawPost } from '../support/raw-request.js';
import { APP_NAMES } from '../support/running-app.js';

const IDLE_TIMEOUT_MS = 1000;
const BOUNDARY = 'test-boundary-7f3a';
const FORM = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/**
 * The multipart envelope around an upload, attacked: whatever breaks it, the client gets a 4xx
 * with a code, and nothing of the file is committed (a commit may only follow a whole request).
 */
describe.each(APP_NAMES)('upload transport (%s)', (appName) => {
  const suite = appPerSuite(appName, { settings: { env: { UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS) } } });
  const stored = async () => {
    const [{ rows, imports }] = await suite.db.query<{ rows: string; imports: string }>(
      'SELECT (SELECT count(*) FROM item_historical_pricing) AS rows, (SELECT count(*) FROM price_import) AS imports');
    return { rows: Number(rows), imports: Number(imports) };
  };
  const openTransactions = async () => Number((await suite.db.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'"))[0].n);
  const csv = (prefix: string) => priceCsv(validRows(50, prefix));
  const post = (body: Buffer | string, headers: Record<string, string> = FORM) => rawPost(suite.app.baseUrl, '/cargarCsvHistorico', headers, body);

  it.each([
    ['archivo_csv then file', [{ name: 'archivo_csv', filename: 'a.csv', content: csv('MLBTWOA') }, { name: 'file', filename: 'b.csv', content: csv('MLBTWOB') }]],
    ['archivo_csv twice', [{ name: 'archivo_csv', filename: 'a.csv', content: csv('MLBTWOC') }, { name: 'archivo_csv', filename: 'b.csv', content: csv('MLBTWOD') }]],
  ])('answers 400 UPLOAD_TOO_MANY_FILES for two file parts (%s) and commits neither', async (_case, parts) => {
    const before = await stored();
    const response = await post(multipartBody(BOUNDARY, parts));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'UPLOAD_TOO_MANY_FILES', error: expect.stringContaining('Only one file') });
    expect(await stored()).toEqual(before);
  });

  it('answers 400 MULTIPART_INVALID when the closing boundary never comes, and commits nothing', async () => {
    const before = await stored();
    const response = await post(multipartBody(BOUNDARY, [{ name: 'archivo_csv', filename: 'cut.csv', content: csv('MLBCUT') }], { close: false }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'MULTIPART_INVALID', error: expect.stringContaining('Unexpected end of form') });
    expect(await stored()).toEqual(before);
    expect(await openTransactions()).toBe(0);
  });

  it.each([
    ['form-data without a boundary', { 'content-type': 'multipart/form-data' }, multipartBody(BOUNDARY, [{ name: 'archivo_csv', filename: 'a.csv', content: csv('MLBNOB') }])],
    ['multipart/mixed', { 'content-type': `multipart/mixed; boundary=${BOUNDARY}` }, multipartBody(BOUNDARY, [{ name: 'archivo_csv', filename: 'a.csv', content: csv('MLBMIX') }])],
    ['a body that never contains its boundary', FORM, csv('MLBNEVER')],
    ['an empty body', FORM, ''],
  ])('answers 400 MULTIPART_INVALID for %s', async (_case, headers, body) => {
    const before = await stored();
    const response = await post(body, headers);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'MULTIPART_INVALID', error: expect.any(String) });
    expect(await stored()).toEqual(before);
  });

  it('stores a file whose name holds a NUL byte, with the name cleaned', async () => {
    const response = await post(multipartBody(BOUNDARY, [{ name: 'archivo_csv', filenameStar: 'a%00b.csv', content: csv('MLBNUL') }]));
    expect(response.status).toBe(201);
    expect(await suite.db.query('SELECT file_name FROM price_import WHERE id = $1', [response.body.import_id])).toEqual([{ file_name: 'ab.csv' }]);
  });

  it('answers 408 UPLOAD_TIMEOUT to a client that stops sending mid-upload, and rolls back', async () => {
    const before = await stored();
    const rows = Buffer.from(csv('MLBSTALL'));
    const upload = new RawUpload(suite.app.baseUrl, rows.length * 2);
    await upload.write(rows); // half of what it announced, then silence
    const started = Date.now();
    const response = await upload.response;
    upload.abort();
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'UPLOAD_TIMEOUT', idle_timeout_ms: IDLE_TIMEOUT_MS });
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 100);
    expect(await stored()).toEqual(before);
    expect(await openTransactions()).toBe(0);
  });

  it('lets a slow but steady upload run far past the idle timeout (no cap on the total time)', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => Buffer.from(`${priceCsv(validRows(20, `MLBSLOW${i}`)).split('\n').slice(i === 0 ? 0 : 1).join('\n')}`));
    const upload = new RawUpload(suite.app.baseUrl, rows.reduce((sum, chunk) => sum + chunk.length, 0));
    for (const chunk of rows) {
      await upload.write(chunk);
      await sleep(IDLE_TIMEOUT_MS / 2); // 8 pauses: 4 idle timeouts in all
    }
    upload.finish();
    const response = await upload.response;
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ inserted: 160 });
  });

  it('recognises a re-saved export (CRLF, BOM, quotes, trailing blank line) as the file already loaded', async () => {
    const rows = validRows(30, 'MLBRESAVED');
    const first = await uploadCsv(suite.app.baseUrl, priceCsv(rows));
    expect(first.status).toBe(201);
    const resaved = `\uFEFF${priceCsv(rows.map(([item, day, price]) => [`"${item}"`, day, `"${price}"`]), { eol: '\r\n' })}\r\n`;
    const again = await uploadCsv(suite.app.baseUrl, resaved, 'archivo_csv', 'resaved.csv');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ mensaje: 'El archivo ya fue cargado', inserted: 0, import_id: first.body.import_id, sha256: first.body.sha256 });
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a JSON body over 64 kB', async () => {
    const body = JSON.stringify({ item_id: 'MLB1', price: 1, padding: 'x'.repeat(70 * 1024) });
    const response = await rawPost(suite.app.baseUrl, '/detectAnomaly', { 'content-type': 'application/json' }, body);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', error: expect.any(String) });
  });

  it('is still healthy afterwards', async () => {
    expect((await fetch(`${suite.app.baseUrl}/health/ready`)).status).toBe(200);
  });
});
