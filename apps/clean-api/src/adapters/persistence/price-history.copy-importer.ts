import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { PriceCsvRejectedError, PriceHistoryBulkLoader } from '../../../../../libs/database/src/index.js';
import { CsvInvalidError } from '../../domain/csv-errors.js';
import type { ImportOutcome } from '../../domain/import-outcome.js';
import type { PriceHistoryImporter } from '../../use-cases/import-price-history/price-history-importer.port.js';

/** Imports through the shared COPY loader and speaks the domain's error language. */
@Injectable()
export class PriceHistoryCopyImporter implements PriceHistoryImporter {
  private readonly loader: PriceHistoryBulkLoader;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.loader = new PriceHistoryBulkLoader(dataSource);
  }

  async import(csv: Readable, fileName: string | null): Promise<ImportOutcome> {
    try {
      return await this.loader.load(csv, fileName);
    } catch (error) {
      if (error instanceof PriceCsvRejectedError) throw new CsvInvalidError(error.message, error.problems, error.badRows);
      throw error;
    }
  }
}
