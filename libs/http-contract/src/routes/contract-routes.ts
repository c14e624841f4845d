import { applyDecorators, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CsvFileRequiredError, CsvInvalidError, ItemNotFoundError, MultipartInvalidError, PayloadTooLargeError, UploadTimeoutError,
  UploadTooLargeError, UploadTooManyFilesError, ValidationError,
} from '#libs/errors';
import { errorBody } from '../errors/error-status.js';
import { CONTRACT_MESSAGES } from '../responses/contract-messages.js';
import { errorResponse, operationalErrors } from './error-responses.js';
import { Access } from './route-access.js';

/** The routes of the contract (docs/API.md) with their documentation, declared once for both apps. */

const VERDICT_EXAMPLE = {
  item_id: 'MLB1450506718', price: 1850, anomaly: true, status_code: 200,
  metadata: {
    score: 0.828, threshold: 0.75, reason: 'outside_normal_range', normal_range: { low: 84.41, high: 760.25 }, direction: 'high',
    expected: 183.9, severity: 72.4,
    model: { engine: 'isolation-forest', trees: 100, sample_size: 67, trained_on: 67, seed: 42, history_version: '12', sensitivity: 50, stale: false },
  },
};

const validationError = (field: string, message: string) =>
  errorResponse('VALIDATION_ERROR: a malformed parameter or body', new ValidationError([{ field, message }]));

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
  validationError('limit', 'limit must not be less than 1'),
  operationalErrors(),
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
    example: VERDICT_EXAMPLE,
  }),
  errorResponse('ITEM_NOT_FOUND: the item has no price history', new ItemNotFoundError('111')),
  validationError('price', 'price must be greater than 0'),
  errorResponse('PAYLOAD_TOO_LARGE: a JSON body over 64 kB', new PayloadTooLargeError('65536 bytes')),
  operationalErrors(),
);

export const CsvImportRoute = () => applyDecorators(
  Post('cargarCsvHistorico'),
  Access('write'),
  ApiTags('import'),
  ApiOperation({ summary: 'Append a CSV (ITEM_ID,ORD_CLOSED_DT,PRICE) to the history: all rows or none; the same content twice inserts nothing' }),
  ApiConsumes('multipart/form-data'),
  ApiBody({ schema: { type: 'object', properties: { archivo_csv: { type: 'string', format: 'binary', description: "the CSV file (field 'file' is accepted too); one file per request" } } } }),
  ApiResponse({ status: 201, description: 'Inserted', example: { mensaje: CONTRACT_MESSAGES.inserted, inserted: 200, import_id: 'b3c1…', sha256: '9f2a…' } }),
  ApiResponse({ status: 200, description: 'Same content uploaded before: nothing inserted', example: { mensaje: CONTRACT_MESSAGES.alreadyLoaded, inserted: 0, import_id: 'b3c1…', sha256: '9f2a…' } }),
  errorResponse(
    'Nothing stored: no file, invalid rows (first 100 problems, line-numbered), more than one file, or a broken multipart envelope',
    new CsvFileRequiredError(),
    new CsvInvalidError([{ line: 17, column: 'PRICE', value: 'abc', message: 'PRICE must be a positive decimal…' }], 1),
    new UploadTooManyFilesError(),
    new MultipartInvalidError('Unexpected end of form'),
  ),
  errorResponse('UPLOAD_TIMEOUT: the client stopped sending mid-upload; nothing stored', new UploadTimeoutError(60_000)),
  errorResponse('UPLOAD_TOO_LARGE: over MAX_UPLOAD_BYTES, nothing stored', new UploadTooLargeError(1024 ** 3)),
  operationalErrors(),
);

export const DetectAnomalyBatchRoute = () => applyDecorators(
  Post('detectAnomaly/batch'),
  HttpCode(200),
  Access('read'),
  ApiTags('detection'),
  ApiOperation({ summary: 'Many prices at once (up to 10,000): one result per entry in request order; an unknown item fails its entry only' }),
  ApiResponse({
    status: 200,
    description: 'One result per entry: the single route\'s verdict, or an entry error',
    example: { results: [VERDICT_EXAMPLE, { item_id: '111', ...errorBody(new ItemNotFoundError('111')) }] },
  }),
  validationError('prices', 'prices must hold at most 10000 entries'),
  errorResponse('PAYLOAD_TOO_LARGE: a batch body over 1 MiB', new PayloadTooLargeError('1048576 bytes')),
  operationalErrors(),
);

export const ItemReportRoute = () => applyDecorators(
  Get('items/:item_id/report'),
  Access('read'),
  ApiTags('detection'),
  ApiOperation({ summary: "The item's summary and the past orders its current model flags (to clean an export, to draw flagged points)" }),
  ApiResponse({
    status: 200,
    description: 'Summary and flagged orders, oldest first (at most 10,000 listed; flagged_total counts all)',
    example: {
      item_id: 'MLB1450506718', count: 67, first_date: '2024-01-02', last_date: '2024-03-11', history_version: '12', expected: 183.9,
      normal_range: { low: 84.41, high: 760.25 },
      model: { engine: 'isolation-forest', trees: 100, sample_size: 67, trained_on: 67, seed: 42, history_version: '12', sensitivity: 50 },
      flagged_total: 1, flagged: [{ ord_closed_dt: '2024-02-20', price: 2599, severity: 81.3, direction: 'high', reason: 'outside_normal_range' }],
    },
  }),
  errorResponse('ITEM_NOT_FOUND: the item has no price history', new ItemNotFoundError('111')),
  validationError('sensitivity', 'sensitivity must be a number from 0 to 100'),
  operationalErrors(),
);
