import { parse, CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { CsvProblemReport, type PriceCsvColumn } from './csv-problem.js';
import type { PriceRow } from './price-row.js';
import { DATE_RULE, isCalendarDate, isItemId, isPriceText, ITEM_ID_RULE, PRICE_RULE } from './price-rules.js';

const COLUMNS: readonly PriceCsvColumn[] = ['ITEM_ID', 'ORD_CLOSED_DT', 'PRICE'];
const EXPECTED_HEADER = COLUMNS.join(',');

/**
 * Streams a `ITEM_ID,ORD_CLOSED_DT,PRICE` file into validated rows. Problems never throw: they go
 * to `report` with line numbers, so one pass can list the first 100 and count the rest. Once a
 * problem is found no more rows are yielded (the file will be rejected whole), but reading goes
 * on to the end to report everything.
 */
export async function* readPriceCsv(input: Readable, report: CsvProblemReport): AsyncGenerator<PriceRow> {
  let columnIndex: number[] | undefined;
  let dataRows = 0;
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  input.once('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columnIndex) {
        columnIndex = readHeader(record, info.lines, report);
        if (!columnIndex) break;
        continue;
      }
      dataRows++;
      const row = validateRow(record, info.lines, columnIndex, report);
      if (row && !report.hasProblems) yield row;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report.badRows++;
    report.add({ line: (error as CsvError & { lines?: number }).lines ?? 0, column: null, value: null, message: `malformed CSV: ${error.message}` });
  }
  if (!columnIndex && !report.hasProblems) {
    report.add({ line: 1, column: null, value: null, message: `empty file: expected the header ${EXPECTED_HEADER}` });
  } else if (columnIndex && dataRows === 0) {
    report.add({ line: 2, column: null, value: null, message: 'the file has a header but no data rows' });
  }
}

/** Header names are case-insensitive and may come in any order; all three, exactly once. */
function readHeader(record: string[], line: number, report: CsvProblemReport): number[] | undefined {
  const names = record.map((name) => name.trim().toUpperCase());
  const index = COLUMNS.map((column) => names.indexOf(column));
  if (names.length === COLUMNS.length && index.every((i) => i >= 0)) return index;
  report.add({ line, column: null, value: truncate(record.join(',')), message: `bad header: expected ${EXPECTED_HEADER}` });
  return undefined;
}

function validateRow(record: string[], line: number, columnIndex: number[], report: CsvProblemReport): PriceRow | undefined {
  if (record.length !== COLUMNS.length) {
    report.badRows++;
    report.add({ line, column: null, value: truncate(record.join(',')), message: `expected 3 fields, found ${record.length}` });
    return undefined;
  }
  const [itemId, ordClosedDt, price] = columnIndex.map((i) => record[i]);
  const before = report.badRows;
  const fail = (column: PriceCsvColumn, value: string, message: string) => {
    if (report.badRows === before) report.badRows++;
    report.add({ line, column, value: truncate(value), message });
  };
  if (!isItemId(itemId)) fail('ITEM_ID', itemId, ITEM_ID_RULE);
  if (!isCalendarDate(ordClosedDt)) fail('ORD_CLOSED_DT', ordClosedDt, DATE_RULE);
  if (!isPriceText(price)) fail('PRICE', price, PRICE_RULE);
  return report.badRows === before ? { itemId, ordClosedDt, price } : undefined;
}

/** Problem values are echoed back to the client; a binary blob should not be. */
function truncate(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
