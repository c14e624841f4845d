import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { PriceHistoryBulkLoader } from '#libs/database';
import type { ImportOutcome } from '#libs/price-history';

@Injectable()
export class CsvImportService {
  constructor(private readonly loader: PriceHistoryBulkLoader) {}

  /** All rows or none (CsvInvalidError names the bad lines); the same content twice inserts nothing the second time. */
  import(csv: Readable, fileName: string | null): Promise<ImportOutcome> {
    return this.loader.load(csv, fileName);
  }
}
