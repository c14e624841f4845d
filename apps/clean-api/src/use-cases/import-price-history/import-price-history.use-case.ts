import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { ImportOutcome } from '../../domain/price-point.js';
import { PriceHistoryImporter } from './price-history-importer.port.js';

/** Appends a CSV file to the history; the same content sent again inserts nothing. */
@Injectable()
export class ImportPriceHistoryUseCase {
  constructor(private readonly importer: PriceHistoryImporter) {}

  execute(csv: Readable, fileName: string | null): Promise<ImportOutcome> {
    return this.importer.import(csv, fileName);
  }
}
