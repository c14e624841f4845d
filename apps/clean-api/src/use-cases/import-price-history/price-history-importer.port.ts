import type { Readable } from 'node:stream';
import type { ImportOutcome } from '../../domain/import-outcome.js';

export abstract class PriceHistoryImporter {
  /** All or nothing: rejects with CsvInvalidError (nothing stored) when any row is invalid. */
  abstract import(csv: Readable, fileName: string | null): Promise<ImportOutcome>;
}
