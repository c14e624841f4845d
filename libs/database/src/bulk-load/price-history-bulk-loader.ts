import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { CsvInvalidError } from '#libs/errors';
import type { ImportOutcome } from '#libs/price-history';
import { canonicalPrice, CsvProblemReport, readPriceCsv, type PriceRow } from '#libs/price-csv';
import { storedFileName } from './stored-file-name.js';

/**
 * The one way rows enter the history (uploads and seeding): stream the CSV through validation
 * into `COPY FROM STDIN` inside one transaction. Any bad row rolls everything back, and so does a
 * stream that fails instead of ending (the upload's transport decides when the file is whole).
 * The hash is of the canonical rows, so a file saved again with CRLF, a BOM, quotes, reordered
 * columns or a trailing blank line is the same file and inserts nothing. Memory stays flat.
 */
export class PriceHistoryBulkLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(csv: Readable, fileName: string | null = null): Promise<ImportOutcome> {
    const hash = createHash('sha256');
    const report = new CsvProblemReport();
    const toCopyText = new Transform({
      writableObjectMode: true,
      transform(rows: PriceRow[], _encoding, done) {
        const text = copyText(rows);
        hash.update(text);
        done(null, text);
      },
    });

    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      const copy = client.query(copyFrom('COPY item_historical_pricing (item_id, ord_closed_dt, price) FROM STDIN'));
      await pipeline(readPriceCsv(csv, report), toCopyText, copy);
      if (report.hasProblems) throw new CsvInvalidError(report.problems, report.badRows);

      const sha256 = hash.digest('hex');
      // The unique sha256 makes a concurrent identical upload wait here, then find the first one.
      const recorded = await client.query<{ id: string }>(
        `INSERT INTO price_import (sha256, row_count, file_name) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING RETURNING id`,
        [sha256, copy.rowCount, storedFileName(fileName)],
      );
      if (recorded.rowCount === 0) {
        await client.query('ROLLBACK');
        const earlier = await client.query<{ id: string }>('SELECT id FROM price_import WHERE sha256 = $1', [sha256]);
        return { created: false, importId: earlier.rows[0].id, inserted: 0, sha256 };
      }
      await client.query('COMMIT');
      return { created: true, importId: recorded.rows[0].id, inserted: copy.rowCount, sha256 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/**
 * COPY's text format, which is also the canonical form that is hashed: one `item\tday\tprice` line
 * per row in file order, the price without redundant zeros. No escaping is needed: validated
 * fields cannot hold tabs, newlines or backslashes.
 */
function copyText(rows: PriceRow[]): string {
  let text = '';
  for (const row of rows) text += `${row.itemId}\t${row.ordClosedDt}\t${canonicalPrice(row.price)}\n`;
  return text;
}
