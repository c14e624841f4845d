import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { appPerSuite } from '../support/app-per-suite.js';
import { CSV_HEADER, priceCsv, validRows } from '../support/price-csv-builder.js';
import { multipartBody, rawPost } from '../support/raw-request.js';
import { APP_NAMES } from '../support/running-app.js';

/** Strings an attacker or a broken client sends: SQL, script, traversal, unicode, control characters, huge numbers. */
const nasty = fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }),
  fc.constantFrom("' OR 1=1 --", "MLB1'; DROP TABLE item_historical_pricing;--", '<script>alert(1)</script>', '../../etc/passwd',
    '%00', '\u0000', '1e308', '-0', 'NaN', 'Infinity', '9'.repeat(400), '\uFEFFMLB1', 'MLB1\r\nX-Injected: 1', '{"$gt":""}'),
);
const anyValue = fc.oneof(nasty, fc.double(), fc.integer(), fc.bigInt().map(String), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.object({ maxDepth: 3 }));
const deepJson = fc.oneof(
  fc.integer({ min: 50, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 50, max: 5000 }).map((depth) => `{"item_id":${'['.repeat(depth)}${']'.repeat(depth)},"price":1}`),
);

/** Fixed by default so CI is reproducible; FUZZ_SEED=<n> explores other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);

/** No input may earn a 5xx, store part of a file, or leave the server unhealthy. */
describe.each(APP_NAMES)('bad-input hardening (%s)', (appName) => {
  const suite = appPerSuite(appName, { seeded: true, settings: { maxUploadBytes: 256 * 1024 } });
  let tried = 0;
  const send = async (path: string, init?: RequestInit) => {
    tried++;
    const response = await fetch(`${suite.app.baseUrl}${path}`, init);
    const text = await response.text();
    if (response.status >= 400) expect({ path, status: response.status, body: JSON.parse(text) }).toMatchObject({ body: { error: expect.any(String), code: expect.any(String) } });
    return response.status;
  };
  const rows = async () => Number((await suite.db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);

  it('answers every random or malicious detectAnomaly body without a 5xx', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.record({ item_id: anyValue, price: anyValue }, { requiredKeys: [] }),
        fc.dictionary(fc.string(), anyValue, { maxKeys: 4 }).map((o) => JSON.stringify(o)),
        anyValue.map((v) => JSON.stringify(v) ?? 'undefined'),
        deepJson,
        nasty,
      ),
      fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
      async (body, contentType) => {
        const raw = typeof body === 'string' ? body : JSON.stringify(body);
        const status = await send('/detectAnomaly', { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body: raw });
        expect(status).toBeLessThan(500);
      },
    ), { numRuns: 1500, seed: SEED });
  });

  it('answers every random item id and query string of the history route without a 5xx', async () => {
    await fc.assert(fc.asyncProperty(nasty, fc.dictionary(fc.constantFrom('from', 'to', 'limit', 'offset', 'x', ''), nasty, { maxKeys: 3 }), async (itemId, query) => {
      const search = new URLSearchParams(query).toString();
      const status = await send(`/historicalPricingByIdItem/${encodeURIComponent(itemId) || '%20'}${search ? `?${search}` : ''}`);
      expect(status).toBeLessThan(500);
    }), { numRuns: 1500, seed: SEED });
  });

  it('rejects every broken CSV whole: never a 5xx, never a partial write', async () => {
    const row = fc.tuple(fc.oneof(fc.constantFrom('MLBFUZZ1', 'MLBFUZZ2'), nasty), fc.oneof(fc.constantFrom('2024-01-01', '2024-02-29'), nasty), fc.oneof(fc.constantFrom('10.5', '99.9999'), nasty))
      .map((fields) => fields.join(','));
    const file = fc.oneof(
      fc.tuple(fc.oneof(fc.constant(CSV_HEADER), nasty), fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
        .map(([header, lines, eol]) => [header, ...lines].join(eol) + eol),
      fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(fc.asyncProperty(file, async (content) => {
      const before = await rows();
      const form = new FormData();
      form.append('archivo_csv', new Blob([content]), 'fuzz.csv');
      const status = await send('/cargarCsvHistorico', { method: 'POST', body: form });
      expect(status).toBeLessThan(500);
      if (status >= 400) expect(await rows()).toBe(before); // rejected files leave nothing behind
    }), { numRuns: 400, seed: SEED });
  });

  it('answers every malformed multipart envelope without a 5xx or a partial write', async () => {
    const token = fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/);
    const part = fc.record({
      name: fc.oneof(fc.constantFrom('archivo_csv', 'file', 'other'), nasty),
      filename: fc.option(fc.oneof(fc.constantFrom('a.csv', ''), nasty), { nil: undefined }),
      filenameStar: fc.option(fc.oneof(fc.constantFrom('a%00b.csv', '%E2%82%AC.csv', '%ZZ', ''), nasty.map(encodeURIComponent)), { nil: undefined }),
      content: fc.oneof(fc.integer({ min: 1, max: 30 }).map((n) => priceCsv(validRows(n, 'MLBMULTI'))), nasty, fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b))),
    });
    const envelope = fc.record({
      boundary: fc.oneof(token, nasty),
      contentType: fc.constantFrom('multipart/form-data; boundary=%s', 'multipart/form-data; boundary="%s"', 'multipart/form-data', 'multipart/mixed; boundary=%s', 'multipart/form-data; charset=utf-8; boundary=%s'),
      parts: fc.array(part, { maxLength: 3 }),
      close: fc.boolean(),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      garbage: fc.option(fc.oneof(nasty, fc.constant('\r\n--\r\n')), { nil: undefined }),
    });
    await fc.assert(fc.asyncProperty(envelope, async ({ boundary, contentType, parts, close, cut, garbage }) => {
      let body = multipartBody(boundary, parts, { close });
      if (garbage !== undefined) body = Buffer.concat([Buffer.from(garbage), body]);
      if (cut !== undefined) body = body.subarray(0, Math.floor(body.length * cut));
      const before = await rows();
      tried++;
      let response;
      try {
        response = await rawPost(suite.app.baseUrl, '/cargarCsvHistorico', { 'content-type': contentType.replace('%s', boundary) }, body);
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_INVALID_CHAR') return; // a header Node itself refuses to send
        throw error;
      }
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expect(response.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
        expect(await rows()).toBe(before);
      } else {
        expect(await rows()).toBe(before + response.body.inserted);
      }
    }), { numRuns: 500, seed: SEED });
  });

  it('is still healthy afterwards', async () => {
    expect((await fetch(`${suite.app.baseUrl}/health/ready`)).status).toBe(200);
    console.log(`${appName}: ${tried} random and malicious inputs tried (FUZZ_SEED=${SEED}), none answered 5xx`);
  });
});
