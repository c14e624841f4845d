import { Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsvImportRoute, csvImportResponse } from '#libs/http-contract';
import { CsvUploadReceiver } from '#libs/platform';
import { ImportPriceHistoryUseCase } from '../../use-cases/import-price-history/import-price-history.use-case.js';

@Controller()
export class CsvImportController {
  constructor(
    private readonly importPriceHistory: ImportPriceHistoryUseCase,
    private readonly uploads: CsvUploadReceiver,
  ) {}

  @CsvImportRoute()
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const outcome = await this.uploads.receive(request, response, (csv, fileName) => this.importPriceHistory.execute(csv, fileName));
    const { status, body } = csvImportResponse(outcome);
    response.status(status);
    return body;
  }
}
