import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsvImportRoute, csvImportResponse, receiveCsvUpload, SERVICE_CONFIG, type ServiceConfig } from '../../../../libs/http-api/src/index.js';
import { CsvImportService } from '../services/csv-import.service.js';

@Controller()
export class CsvImportController {
  constructor(
    private readonly csvImport: CsvImportService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @CsvImportRoute()
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const outcome = await receiveCsvUpload(request, response, this.config.maxUploadBytes,
      (csv, fileName) => this.csvImport.import(csv, fileName));
    const { status, body } = csvImportResponse(outcome);
    response.status(status);
    return body;
  }
}
