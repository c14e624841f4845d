import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { PriceCsvRejectedError, PriceHistoryBulkLoader, type BulkLoadResult } from '../../../../libs/database/src/index.js';
import { CsvInvalidHttpError } from '../../../../libs/http-api/src/index.js';

@Injectable()
export class CsvImportService {
  constructor(private readonly loader: PriceHistoryBulkLoader) {}

  /** All rows or none; the same content twice inserts nothing the second time. */
  async import(csv: Readable, fileName: string | null): Promise<BulkLoadResult> {
    try {
      return await this.loader.load(csv, fileName);
    } catch (error) {
      if (error instanceof PriceCsvRejectedError) throw new CsvInvalidHttpError(error.message, error.problems, error.badRows);
      throw error;
    }
  }
}
