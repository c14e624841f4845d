import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { CSV_HEADER, priceCsv, validRows } from '#test-support/price-csv-builder';
import { CsvProblemReport, MAX_REPORTED_PROBLEMS } from './csv-problem.js';
import { readPriceCsv } from './price-csv-reader.js';
import { canonicalPrice } from './price-rules.js';
import type { PriceRow } from './price-row.js';

async function read(content: string | Buffer, chunkSize = 7) {
  const buffer = Buffer.from(content);
  const chunks = Array.from({ length: Math.ceil(buffer.length / chunkSize) }, (_, i) => buffer.subarray(i * chunkSize, (i + 1) * chunkSize));
  const report = new CsvProblemReport();
  const rows: PriceRow[] = [];
  for await (const batch of readPriceCsv(Readable.from(chunks), report)) rows.push(...batch);
  return { rows, report };
}

describe('readPriceCsv', () => {
  it('yields rows with their exact text, whatever the chunking', async () => {
    const { rows, report } = await read(priceCsv([['MLB1', '2024-02-15', '22.0100'], ['MLB2', '2024-02-29', '5466.29']]), 3);
    expect(report.problems).toEqual([]);
    expect(rows).toEqual([
      { itemId: 'MLB1', ordClosedDt: '2024-02-15', price: '22.0100' },
      { itemId: 'MLB2', ordClosedDt: '2024-02-29', price: '5466.29' },
    ]);
  });

  it('accepts a BOM, CRLF, header names in any case and order, and blank trailing lines', async () => {
    const { rows, report } = await read('\uFEFFprice,Item_Id,ORD_CLOSED_DT\r\n10.5,MLB1,2024-01-31\r\n\r\n');
    expect(report.problems).toEqual([]);
    expect(rows).toEqual([{ itemId: 'MLB1', ordClosedDt: '2024-01-31', price: '10.5' }]);
  });

  it.each([
    ['ITEM_ID', 'MLB 1', 'MLB 1,2024-01-01,10'],
    ['ITEM_ID', 'X'.repeat(65), `${'X'.repeat(65)},2024-01-01,10`],
    ['ORD_CLOSED_DT', '2023-02-29', 'MLB1,2023-02-29,10'],
    ['ORD_CLOSED_DT', '01/02/2024', 'MLB1,01/02/2024,10'],
    ['PRICE', '0', 'MLB1,2024-01-01,0'],
    ['PRICE', '-3', 'MLB1,2024-01-01,-3'],
    ['PRICE', '1.23456', 'MLB1,2024-01-01,1.23456'],
    ['PRICE', '1e3', 'MLB1,2024-01-01,1e3'],
    ['PRICE', '1000000000', 'MLB1,2024-01-01,1000000000'],
    ['PRICE', '', 'MLB1,2024-01-01,'],
  ])('reports a bad %s (%s) with its line and yields nothing', async (column, value, line) => {
    const { rows, report } = await read(`${CSV_HEADER}\nMLB1,2024-01-01,10\n${line}\n`);
    expect(report.problems).toEqual([{ line: 3, column, value: value.length > 100 ? expect.any(String) : value, message: expect.any(String) }]);
    expect(report.badRows).toBe(1);
    expect(rows.length).toBeLessThanOrEqual(1);
  });

  it('lists at most 100 problems but counts every bad row', async () => {
    const rows = validRows(500).map(([item, date]) => [item, date, 'x'] as [string, string, string]);
    const { report } = await read(priceCsv(rows));
    expect(report.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(report.badRows).toBe(500);
    expect(report.problems[99].line).toBe(101);
  });

  it.each([
    ['an empty file', '', 'empty file'],
    ['a header only', `${CSV_HEADER}\n`, 'no data rows'],
    ['a wrong header', 'ID,DATE,PRICE\nMLB1,2024-01-01,10\n', 'bad header'],
    ['an extra column', `${CSV_HEADER},EXTRA\nMLB1,2024-01-01,10,x\n`, 'bad header'],
    ['a wrong field count', `${CSV_HEADER}\nMLB1,2024-01-01\n`, 'expected 3 fields'],
    ['an unterminated quote', `${CSV_HEADER}\nMLB1,"2024-01-01,10\n`, 'malformed CSV'],
  ])('rejects %s', async (_case, content, message) => {
    const { report } = await read(content);
    expect(report.problems[0].message).toContain(message);
  });

  it('fails, instead of waiting forever, on a stream that failed before it was read', async () => {
    const failed = new Readable({ read() {} });
    failed.on('error', () => undefined);
    failed.destroy(new Error('cut off early'));
    const rows = readPriceCsv(failed, new CsvProblemReport());
    await expect((async () => { for await (const _ of rows); })()).rejects.toThrow('cut off early');
  });

  it('rejects a line longer than 64 KiB naming it, without holding the rest of it', async () => {
    const { report } = await read(`${CSV_HEADER}
MLB1,2024-01-01,10
${'x'.repeat(70 * 1024)}
`, 4096);
    expect(report.problems).toEqual([{ line: 3, column: null, value: null, message: expect.stringContaining('longer than 65536 bytes') }]);
  });

  it('writes each price in one canonical spelling (so re-saved files hash the same)', () => {
    expect(['10.5', '010.50', '10.5000', '7', '7.0', '0.25', '000.2500', '100'].map(canonicalPrice)).toEqual(['10.5', '10.5', '10.5', '7', '7', '0.25', '0.25', '100']);
  });
});
