import { Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsvImportRoute, csvImportResponse } from '#libs/http-contract';
import { CsvUploadReceiver } from '#libs/platform';
import { CsvImportService } from '../services/csv-import.service.js';

@Controller()
export class CsvImportController {
  constructor(
    private readonly csvImport: CsvImportService,
    private readonly uploads: CsvUploadReceiver,
  ) {}

  @CsvImportRoute()
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const outcome = await this.uploads.receive(request, response, (csv, fileName) => this.csvImport.import(csv, fileName));
    const { status, body } = csvImportResponse(outcome);
    response.status(status);
    return body;
  }
}
