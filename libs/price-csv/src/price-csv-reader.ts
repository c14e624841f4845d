import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { CsvProblemReport } from './csv-problem.js';
import { PriceCsvValidator } from './price-csv-validator.js';

/**
 * A row of this format is under 200 bytes; a "row" past this is a file without line breaks (or
 * not a CSV at all), and csv-parse would otherwise hold all of it in memory.
 */
export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Streams a `ITEM_ID,ORD_CLOSED_DT,PRICE` file (BOM, CRLF, quoted fields and blank lines allowed)
 * into batches of validated rows (`PriceRow[]`). Problems, malformed CSV included, go to `report`;
 * the stream itself only fails when reading the input fails.
 */
export function readPriceCsv(input: Readable, report: CsvProblemReport): Readable {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD_BYTES });
  const validator = new PriceCsvValidator(report);
  if (input.destroyed) {
    // Failed before we began (e.g. an upload cut off while the import was still connecting).
    process.nextTick(() => validator.destroy(input.errored ?? new Error('the CSV stream was closed before it was read')));
    return validator;
  }
  input.once('error', (error) => validator.destroy(error));
  parser.once('error', (error) => {
    if (!(error instanceof CsvError)) return validator.destroy(error);
    report.badRows++;
    const message = error.code === 'CSV_MAX_RECORD_SIZE'
      ? `a line longer than ${MAX_RECORD_BYTES} bytes: each line must hold one ITEM_ID,ORD_CLOSED_DT,PRICE row`
      : `malformed CSV: ${error.message}`;
    report.add({ line: (error as CsvError & { lines?: number }).lines ?? validator.rows + 1, column: null, value: null, message });
    input.unpipe(parser);
    input.resume(); // the rest cannot be parsed, but the sender must still be read to the end
    validator.end();
  });
  return input.pipe(parser).pipe(validator);
}
