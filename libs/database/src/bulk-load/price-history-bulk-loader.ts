import { createHash } from 'node:crypto';
import { pipeline as pipe, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { CsvProblemReport, readPriceCsv, type PriceRow } from '../../../price-csv/src/index.js';
import { PriceCsvRejectedError } from './price-csv-rejected.error.js';

export interface BulkLoadResult {
  /** `false` when a file with the same SHA-256 was loaded before: nothing was inserted. */
  created: boolean;
  importId: string;
  inserted: number;
  sha256: string;
}

/**
 * The one way rows enter the history (uploads and seeding): stream the CSV through validation
 * into `COPY FROM STDIN` inside one transaction, hashing the bytes on the way. Any bad row rolls
 * everything back; a file whose hash was already imported inserts nothing. Memory stays flat.
 */
export class PriceHistoryBulkLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(csv: Readable, fileName: string | null = null): Promise<BulkLoadResult> {
    const hash = createHash('sha256');
    const hashed = pipe(csv, new Transform({ transform: (chunk, _encoding, done) => (hash.update(chunk), done(null, chunk)) }), () => undefined);
    const report = new CsvProblemReport();

    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      const copy = client.query(copyFrom('COPY item_historical_pricing (item_id, ord_closed_dt, price) FROM STDIN'));
      await pipeline(readPriceCsv(hashed, report), new Transform({ writableObjectMode: true, transform: (rows: PriceRow[], _encoding, done) => done(null, copyText(rows)) }), copy);
      if (report.hasProblems) throw new PriceCsvRejectedError(report.problems, report.badRows);

      const sha256 = hash.digest('hex');
      // The unique sha256 makes a concurrent identical upload wait here, then find the first one.
      const recorded = await client.query<{ id: string }>(
        `INSERT INTO price_import (sha256, row_count, file_name) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING RETURNING id`,
        [sha256, copy.rowCount, fileName?.slice(0, 255) ?? null],
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
      csv.resume(); // drain what the client still sends, so it can read our answer
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/** COPY's text format needs no escaping here: validated fields cannot hold tabs, newlines or backslashes. */
function copyText(rows: PriceRow[]): string {
  let text = '';
  for (const row of rows) text += `${row.itemId}\t${row.ordClosedDt}\t${row.price}\n`;
  return text;
}
