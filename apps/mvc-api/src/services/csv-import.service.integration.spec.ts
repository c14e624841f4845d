import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { dataSourceOptions, PriceHistoryBulkLoader, ReadReplicas } from '#libs/database';
import { CsvInvalidError } from '#libs/errors';
import { priceCsv, rowsWithBadPriceAtLine, validRows } from '#test-support/price-csv-builder';
import { createTestDatabase, type TestDatabase } from '#test-support/test-database';
import { CsvImportService } from './csv-import.service.js';
import { PriceHistoryService } from './price-history.service.js';

describe('CsvImportService and PriceHistoryService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let imports: CsvImportService;
  let history: PriceHistoryService;
  const csv = (text: string) => Readable.from([Buffer.from(text)]);
  const collect = async <T>(rows: AsyncIterable<T>) => {
    const all: T[] = [];
    for await (const row of rows) all.push(row);
    return all;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    imports = new CsvImportService(new PriceHistoryBulkLoader(dataSource));
    history = new PriceHistoryService(dataSource, new ReadReplicas([], dataSource, { maxLagMs: 1, checkIntervalMs: 1000, poolSize: 1 }));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('imports a file and streams it back oldest first', async () => {
    await expect(imports.import(csv(priceCsv([['MLBMVC', '2024-01-02', '2.5'], ['MLBMVC', '2024-01-01', '1.2345']])), 'a.csv'))
      .resolves.toMatchObject({ created: true, inserted: 2 });
    await expect(collect(history.history('MLBMVC', {}))).resolves.toEqual([
      { ordClosedDt: '2024-01-01', price: 1.2345 },
      { ordClosedDt: '2024-01-02', price: 2.5 },
    ]);
  });

  it('turns a rejected file into CSV_INVALID with its line and stores nothing', async () => {
    const error = await imports.import(csv(priceCsv(rowsWithBadPriceAtLine(50, 30))), 'bad.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvInvalidError);
    expect(error).toMatchObject({ code: 'CSV_INVALID', problems: [{ line: 30, column: 'PRICE' }] });
    await expect(collect(history.history(validRows(1)[0][0], {}))).resolves.toEqual([]);
  });
});
