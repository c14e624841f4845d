import { applyDecorators, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CONTRACT_MESSAGES } from '../contract-messages.js';
import { ImportMetricsInterceptor } from '../metrics/import-metrics.interceptor.js';
import { Access } from '../security/route-access.js';

/** The three routes of the contract with their documentation, declared once for both apps. */

const validationError = (example: string) => ApiResponse({
  status: 400,
  description: 'VALIDATION_ERROR: a malformed parameter or body',
  example: { error: example, code: 'VALIDATION_ERROR', details: [{ field: 'price', message: example }] },
});

export const HistoryRoute = () => applyDecorators(
  Get('historicalPricingByIdItem/:item_id'),
  Access('read'),
  ApiTags('history'),
  ApiOperation({ summary: "An item's order prices, oldest first (ties in insertion order), streamed; [] for an unknown item" }),
  ApiResponse({
    status: 200,
    description: 'JSON array of orders; prices keep all 4 stored decimals',
    example: [{ item_id: 'MLB4432316952', ord_closed_dt: '2024-02-15', price: 22.01 }],
  }),
  validationError('limit must not be less than 1'),
);

export const DetectAnomalyRoute = () => applyDecorators(
  Post('detectAnomaly'),
  HttpCode(200),
  Access('read'),
  ApiTags('detection'),
  ApiOperation({ summary: "Is this price abnormal for the item? Judged against the item's own history; never stored" }),
  ApiResponse({
    status: 200,
    description: 'The verdict and its explanation',
    example: {
      item_id: 'MLB1450506718', price: 1850, anomaly: true, status_code: 200,
      metadata: {
        score: 0.828, threshold: 0.75, reason: 'outside_normal_range', normal_range: { low: 72.76, high: 1024.2136 }, direction: 'high',
        model: { engine: 'isolation-forest', trees: 100, sample_size: 67, trained_on: 67, seed: 42, history_version: '12' },
      },
    },
  }),
  ApiResponse({ status: 404, description: 'ITEM_NOT_FOUND', example: { error: CONTRACT_MESSAGES.itemNotFound, code: 'ITEM_NOT_FOUND', item_id: '111' } }),
  validationError('price must be greater than 0'),
);

export const CsvImportRoute = () => applyDecorators(
  Post('cargarCsvHistorico'),
  Access('write'),
  UseInterceptors(ImportMetricsInterceptor),
  ApiTags('import'),
  ApiOperation({ summary: 'Append a CSV (ITEM_ID,ORD_CLOSED_DT,PRICE) to the history: all rows or none; the same file twice inserts nothing' }),
  ApiConsumes('multipart/form-data'),
  ApiBody({ schema: { type: 'object', properties: { archivo_csv: { type: 'string', format: 'binary', description: "the CSV file (field 'file' is accepted too)" } } } }),
  ApiResponse({ status: 201, description: 'Inserted', example: { mensaje: CONTRACT_MESSAGES.inserted, inserted: 200, import_id: 'b3c1…', sha256: '9f2a…' } }),
  ApiResponse({ status: 200, description: 'Same content uploaded before: nothing inserted', example: { mensaje: CONTRACT_MESSAGES.alreadyLoaded, inserted: 0, import_id: 'b3c1…', sha256: '9f2a…' } }),
  ApiResponse({
    status: 400,
    description: 'CSV_FILE_REQUIRED (no file) or CSV_INVALID (nothing stored; first 100 problems)',
    examples: {
      CSV_FILE_REQUIRED: { summary: 'no file', value: { error: CONTRACT_MESSAGES.csvFileRequired, code: 'CSV_FILE_REQUIRED' } },
      CSV_INVALID: {
        summary: 'bad rows',
        value: { error: `${CONTRACT_MESSAGES.csvInvalidPrefix}1 invalid rows, first at line 17`, code: 'CSV_INVALID', bad_rows: 1, errors: [{ line: 17, column: 'PRICE', value: 'abc', message: 'PRICE must be a positive decimal…' }] },
      },
    },
  }),
  ApiResponse({ status: 413, description: 'UPLOAD_TOO_LARGE: over MAX_UPLOAD_BYTES, nothing stored', example: { error: 'The file is larger than the 1073741824-byte upload limit (MAX_UPLOAD_BYTES); nothing was stored', code: 'UPLOAD_TOO_LARGE' } }),
);
