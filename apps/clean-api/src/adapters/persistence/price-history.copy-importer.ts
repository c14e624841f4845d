import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { PriceHistoryBulkLoader } from '#libs/database';
import type { ImportOutcome } from '../../domain/price-point.js';
import type { PriceHistoryImporter } from '../../use-cases/import-price-history/price-history-importer.port.js';

/** Imports through the shared COPY loader, which already raises the domain's CsvInvalidError. */
@Injectable()
export class PriceHistoryCopyImporter implements PriceHistoryImporter {
  constructor(private readonly loader: PriceHistoryBulkLoader) {}

  import(csv: Readable, fileName: string | null): Promise<ImportOutcome> {
    return this.loader.load(csv, fileName);
  }
}
