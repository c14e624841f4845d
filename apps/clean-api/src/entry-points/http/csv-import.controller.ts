import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { csvImportResponse, receiveCsvUpload } from '../../../../../libs/http-api/src/index.js';
import { CLEAN_API_CONFIG, type CleanApiConfig } from '../../clean-api.config.js';
import { ImportPriceHistoryUseCase } from '../../use-cases/import-price-history/import-price-history.use-case.js';

@ApiTags('import')
@Controller()
export class CsvImportController {
  constructor(
    private readonly importPriceHistory: ImportPriceHistoryUseCase,
    @Inject(CLEAN_API_CONFIG) private readonly config: CleanApiConfig,
  ) {}

  @Post('cargarCsvHistorico')
  @ApiOperation({ summary: 'Append a CSV (ITEM_ID,ORD_CLOSED_DT,PRICE) to the history: all rows or none' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { archivo_csv: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ description: 'Datos insertados correctamente' })
  @ApiOkResponse({ description: 'El archivo ya fue cargado (same SHA-256: nothing inserted)' })
  @ApiBadRequestResponse({ description: 'CSV_FILE_REQUIRED or CSV_INVALID (with line-numbered errors)' })
  @ApiPayloadTooLargeResponse({ description: 'UPLOAD_TOO_LARGE' })
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const outcome = await receiveCsvUpload(request, response, this.config.maxUploadBytes,
      (csv, fileName) => this.importPriceHistory.execute(csv, fileName));
    const { status, body } = csvImportResponse(outcome);
    response.status(status);
    return body;
  }
}
