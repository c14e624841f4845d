import { Transform, type TransformCallback } from 'node:stream';
import type { PriceCsvColumn } from '#libs/errors';
import type { CsvProblemReport } from './csv-problem.js';
import type { PriceRow } from './price-row.js';
import { DATE_RULE, isCalendarDate, isItemId, isPriceText, ITEM_ID_RULE, PRICE_RULE } from './price-rules.js';

const COLUMNS: readonly PriceCsvColumn[] = ['ITEM_ID', 'ORD_CLOSED_DT', 'PRICE'];
export const EXPECTED_HEADER = COLUMNS.join(',');
const BATCH_ROWS = 2000;
/** A file names few distinct days: remembering each day's verdict spares a Date per row. */
const DATE_CACHE_LIMIT = 10_000;

/**
 * Parsed records in, validated rows out in batches (per-row stream or async overhead cost more
 * than the parsing itself). Problems never throw: they go to `report` with line numbers; once
 * one is found no more rows are passed on (the file will be rejected whole), but validation goes
 * on to the end to report everything.
 */
export class PriceCsvValidator extends Transform {
  private columnIndex?: number[];
  private headerRejected = false;
  private line = 0;
  private dataRows = 0;
  private batch: PriceRow[] = [];
  private readonly dates = new Map<string, boolean>();

  constructor(private readonly report: CsvProblemReport) {
    super({ writableObjectMode: true, readableObjectMode: true });
  }

  /** Data rows seen, valid or not. */
  get rows(): number {
    return this.dataRows;
  }

  override _transform(record: string[], _encoding: BufferEncoding, done: TransformCallback): void {
    this.line++;
    if (this.headerRejected || (record.length === 1 && record[0] === '')) return done(); // no readable columns, or a blank line
    if (!this.columnIndex) {
      this.columnIndex = this.readHeader(record);
      this.headerRejected = !this.columnIndex;
      return done();
    }
    this.dataRows++;
    const row = this.validate(record);
    if (row && !this.report.hasProblems) {
      this.batch.push(row);
      if (this.batch.length === BATCH_ROWS) this.passBatch();
    }
    // A quoted field may span lines: keep later line numbers true (only invalid rows can hold one).
    if (!row) for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) this.line++;
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.report.hasProblems) this.passBatch();
    if (!this.columnIndex && !this.report.hasProblems) {
      this.report.add({ line: 1, column: null, value: null, message: `empty file: expected the header ${EXPECTED_HEADER}` });
    } else if (this.columnIndex && this.dataRows === 0) {
      this.report.add({ line: 2, column: null, value: null, message: 'the file has a header but no data rows' });
    }
    done();
  }

  private passBatch(): void {
    if (this.batch.length) this.push(this.batch);
    this.batch = [];
  }

  /** Header names are case-insensitive and may come in any order; all three, exactly once. */
  private readHeader(record: string[]): number[] | undefined {
    const names = record.map((name) => name.trim().toUpperCase());
    const index = COLUMNS.map((column) => names.indexOf(column));
    if (names.length === COLUMNS.length && index.every((i) => i >= 0)) return index;
    this.report.add({ line: this.line, column: null, value: truncate(record.join(',')), message: `bad header: expected ${EXPECTED_HEADER}` });
    return undefined;
  }

  private validate(record: string[]): PriceRow | undefined {
    const { report, line } = this;
    if (record.length !== COLUMNS.length) {
      report.badRows++;
      report.add({ line, column: null, value: truncate(record.join(',')), message: `expected 3 fields, found ${record.length}` });
      return undefined;
    }
    const [itemId, ordClosedDt, price] = this.columnIndex!.map((i) => record[i]);
    const before = report.badRows;
    const fail = (column: PriceCsvColumn, value: string, message: string) => {
      if (report.badRows === before) report.badRows++;
      report.add({ line, column, value: truncate(value), message });
    };
    if (!isItemId(itemId)) fail('ITEM_ID', itemId, ITEM_ID_RULE);
    if (!this.isDate(ordClosedDt)) fail('ORD_CLOSED_DT', ordClosedDt, DATE_RULE);
    if (!isPriceText(price)) fail('PRICE', price, PRICE_RULE);
    return report.badRows === before ? { itemId, ordClosedDt, price } : undefined;
  }

  private isDate(value: string): boolean {
    let valid = this.dates.get(value);
    if (valid === undefined) {
      valid = isCalendarDate(value);
      if (this.dates.size < DATE_CACHE_LIMIT) this.dates.set(value, valid);
    }
    return valid;
  }
}

/** Problem values are echoed back to the client; a binary blob should not be. */
function truncate(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
