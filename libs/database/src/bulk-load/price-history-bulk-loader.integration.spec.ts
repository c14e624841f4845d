import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CsvInvalidError } from '#libs/errors';
import { createTestDatabase, type TestDatabase } from '#test-support/test-database';
import { priceCsv, rowsWithBadPriceAtLine, validRows } from '#test-support/price-csv-builder';
import { dataSourceOptions } from '../data-source-options.js';
import { PriceHistoryBulkLoader } from './price-history-bulk-loader.js';

describe('PriceHistoryBulkLoader (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sut: PriceHistoryBulkLoader;
  const load = (csv: string) => sut.load(Readable.from([Buffer.from(csv)]), 'test.csv');
  const countRows = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM item_historical_pricing'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 4)).initialize();
    sut = new PriceHistoryBulkLoader(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('stores every row with its exact 4-decimal price and records the import', async () => {
    const csv = priceCsv([['MLBEXACT', '2024-02-15', '22.0123'], ['MLBEXACT', '2024-02-14', '1.9241']]);
    const result = await load(csv);
    expect(result).toMatchObject({ created: true, inserted: 2 });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const rows = await db.query("SELECT price::text FROM item_historical_pricing WHERE item_id = 'MLBEXACT' ORDER BY id");
    expect(rows).toEqual([{ price: '22.0123' }, { price: '1.9241' }]);
    const imports = await db.query('SELECT id, row_count FROM price_import WHERE sha256 = $1', [result.sha256]);
    expect(imports).toEqual([{ id: result.importId, row_count: 2 }]);
  });

  it('inserts nothing for the same content again and returns the first import', async () => {
    const csv = priceCsv(validRows(300, 'MLBAGAIN'));
    const first = await load(csv);
    const before = await countRows();
    const second = await load(csv);
    expect(second).toEqual({ created: false, importId: first.importId, inserted: 0, sha256: first.sha256 });
    expect(await countRows()).toBe(before);
  });

  it.each([
    ['CRLF line ends', (rows: string[][]) => `ITEM_ID,ORD_CLOSED_DT,PRICE\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`],
    ['a BOM and a trailing blank line', (rows: string[][]) => `\uFEFFITEM_ID,ORD_CLOSED_DT,PRICE\n${rows.map((r) => r.join(',')).join('\n')}\n\n`],
    ['quoted fields and lower-case headers', (rows: string[][]) => `item_id,ord_closed_dt,price\n${rows.map((r) => r.map((f) => `"${f}"`).join(',')).join('\n')}\n`],
    ['reordered columns and padded prices', (rows: string[][]) => `PRICE,ITEM_ID,ORD_CLOSED_DT\n${rows.map(([i, d, p]) => `${p}00,${i},${d}`).join('\n')}\n`],
  ])('recognises the same rows re-saved with %s as the same file', async (_case, resave) => {
    const rows = [['MLBRESAVE', '2024-01-01', '10.5'], ['MLBRESAVE', '2024-01-02', '11.25'], ['MLBRESAVE', '2024-01-01', '10.5']];
    const first = await load(priceCsv(rows as [string, string, string][]));
    const before = await countRows();
    await expect(load(resave(rows))).resolves.toEqual({ created: false, importId: first.importId, inserted: 0, sha256: first.sha256 });
    expect(await countRows()).toBe(before);
  });

  it('treats the same rows in another order as another file (order is part of the content)', async () => {
    const first = await load(priceCsv([['MLBORDER', '2024-01-01', '1'], ['MLBORDER', '2024-01-02', '2']]));
    const second = await load(priceCsv([['MLBORDER', '2024-01-02', '2'], ['MLBORDER', '2024-01-01', '1']]));
    expect(second.created).toBe(true);
    expect(second.sha256).not.toBe(first.sha256);
  });

  it('stores a file name without control characters (a NUL would make PostgreSQL reject the import)', async () => {
    const result = await sut.load(Readable.from([priceCsv([['MLBNAME', '2024-01-01', '3']])]), 'a\u0000b\r\n.csv');
    expect(await db.query('SELECT file_name FROM price_import WHERE id = $1', [result.importId])).toEqual([{ file_name: 'ab.csv' }]);
  });

  it('stores nothing when the stream fails instead of ending', async () => {
    const before = await countRows();
    const csv = new Readable({ read() {} });
    csv.push(priceCsv(validRows(3000, 'MLBCUT')));
    setTimeout(() => csv.destroy(new Error('the upload was cut')), 50);
    await expect(sut.load(csv, 'cut.csv')).rejects.toThrow('the upload was cut');
    expect(await countRows()).toBe(before);
  });

  it('rejects a line longer than 64 KiB (a file without line breaks) naming line 1, without holding it whole', async () => {
    const noNewline = Readable.from((function* () {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 'x');
    })());
    const error = await sut.load(noNewline, 'flat.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvInvalidError);
    expect((error as CsvInvalidError).problems).toEqual([{ line: 1, column: null, value: null, message: expect.stringContaining('longer than 65536 bytes') }]);
  });

  it('lets only one of two identical concurrent uploads insert', async () => {
    const csv = priceCsv(validRows(5000, 'MLBRACE'));
    const before = await countRows();
    const results = await Promise.all([load(csv), load(csv)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await countRows()).toBe(before + 5000);
  });

  it('stores nothing from a file with a bad row at line 5000 of 10000 and reports that line', async () => {
    const before = await countRows();
    const error = await load(priceCsv(rowsWithBadPriceAtLine(10000, 5000))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvInvalidError);
    expect((error as CsvInvalidError).problems).toEqual([
      { line: 5000, column: 'PRICE', value: 'abc', message: expect.stringContaining('PRICE') },
    ]);
    expect(await countRows()).toBe(before);
  });

  it('changes the history version of exactly the items it touched', async () => {
    await load(priceCsv([['MLBVER1', '2024-01-01', '10'], ['MLBVER2', '2024-01-01', '20']]));
    const versions = async () => Object.fromEntries(
      (await db.query<{ item_id: string; version: string }>("SELECT item_id, version FROM item_history_version WHERE item_id LIKE 'MLBVER%'"))
        .map((r) => [r.item_id, r.version]),
    );
    const before = await versions();
    await load(priceCsv([['MLBVER1', '2024-01-02', '11']]));
    const after = await versions();
    expect(after.MLBVER1).not.toBe(before.MLBVER1);
    expect(after.MLBVER2).toBe(before.MLBVER2);
  });
});
