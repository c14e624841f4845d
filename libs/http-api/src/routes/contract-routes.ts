import { applyDecorators, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';

/** The three routes of the contract with their documentation, declared once for both apps. */
export const HistoryRoute = () => applyDecorators(
  Get('historicalPricingByIdItem/:item_id'),
  ApiTags('history'),
  ApiOperation({ summary: "An item's order prices, oldest first; [] for an unknown item" }),
  ApiOkResponse({ description: 'Streamed JSON array of {item_id, ord_closed_dt, price}' }),
  ApiBadRequestResponse({ description: 'Malformed item_id or query parameter (VALIDATION_ERROR)' }),
);

export const DetectAnomalyRoute = () => applyDecorators(
  Post('detectAnomaly'),
  HttpCode(200),
  ApiTags('detection'),
  ApiOperation({ summary: "Is this price abnormal for the item? Judged against the item's own history; not stored" }),
  ApiOkResponse({ description: '{item_id, price, anomaly, metadata, status_code: 200}' }),
  ApiNotFoundResponse({ description: 'ITEM_NOT_FOUND: No existe el item_id en el historico de precios' }),
  ApiBadRequestResponse({ description: 'VALIDATION_ERROR' }),
);

export const CsvImportRoute = () => applyDecorators(
  Post('cargarCsvHistorico'),
  ApiTags('import'),
  ApiOperation({ summary: 'Append a CSV (ITEM_ID,ORD_CLOSED_DT,PRICE) to the history: all rows or none' }),
  ApiConsumes('multipart/form-data'),
  ApiBody({ schema: { type: 'object', properties: { archivo_csv: { type: 'string', format: 'binary' } } } }),
  ApiCreatedResponse({ description: 'Datos insertados correctamente' }),
  ApiOkResponse({ description: 'El archivo ya fue cargado (same SHA-256: nothing inserted)' }),
  ApiBadRequestResponse({ description: 'CSV_FILE_REQUIRED or CSV_INVALID (with line-numbered errors)' }),
  ApiPayloadTooLargeResponse({ description: 'UPLOAD_TOO_LARGE' }),
);
