import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ImportPriceHistoryUseCase } from '../../use-cases/import-price-history/import-price-history.use-case.js';
import { CLEAN_API_CONFIG, type CleanApiConfig } from '../../clean-api.config.js';
import { receiveCsvUpload } from './csv-upload.js';

export interface CsvImportResponse {
  mensaje: 'Datos insertados correctamente' | 'El archivo ya fue cargado';
  inserted: number;
  import_id: string;
  sha256: string;
}

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
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CsvImportResponse> {
    const outcome = await receiveCsvUpload(request, response, this.config.maxUploadBytes,
      (csv, fileName) => this.importPriceHistory.execute(csv, fileName));
    response.status(outcome.created ? 201 : 200);
    return {
      mensaje: outcome.created ? 'Datos insertados correctamente' : 'El archivo ya fue cargado',
      inserted: outcome.inserted,
      import_id: outcome.importId,
      sha256: outcome.sha256,
    };
  }
}
