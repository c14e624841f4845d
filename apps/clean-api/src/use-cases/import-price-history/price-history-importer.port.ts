import type { Readable } from 'node:stream';
import type { ImportOutcome } from '../../domain/price-point.js';

export abstract class PriceHistoryImporter {
  /**
   * All or nothing: rejects with CsvInvalidError when any row is invalid, and stores nothing
   * unless `csv` ends cleanly (a stream that fails rolls the import back).
   */
  abstract import(csv: Readable, fileName: string | null): Promise<ImportOutcome>;
}
