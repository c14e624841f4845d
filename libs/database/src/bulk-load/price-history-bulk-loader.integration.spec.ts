import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { priceCsv, rowsWithBadPriceAtLine, validRows } from '../../../../test/support/price-csv-builder.js';
import { dataSourceOptions } from '../data-source-options.js';
import { PriceCsvRejectedError } from './price-csv-rejected.error.js';
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
    expect(error).toBeInstanceOf(PriceCsvRejectedError);
    expect((error as PriceCsvRejectedError).problems).toEqual([
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
