import { HttpException } from '@nestjs/common';
import type { CsvProblem } from '../../../price-csv/src/index.js';
import { CONTRACT_MESSAGES } from '../contract-messages.js';

/** Every error body of the API: `error` (a sentence) and `code` (stable), plus details per code. */
export type ContractErrorBody = Record<string, unknown> & { error: string; code: string };

/** An HTTP answer of the contract; the filter writes `body` as is. */
export class ContractHttpError extends HttpException {
  constructor(
    readonly body: ContractErrorBody,
    status: number,
  ) {
    super(body, status);
  }
}

export class ItemNotFoundHttpError extends ContractHttpError {
  constructor(itemId: string) {
    super({ error: CONTRACT_MESSAGES.itemNotFound, code: 'ITEM_NOT_FOUND', item_id: itemId }, 404);
  }
}

export class CsvInvalidHttpError extends ContractHttpError {
  constructor(summary: string, problems: readonly CsvProblem[], badRows: number) {
    super({ error: `${CONTRACT_MESSAGES.csvInvalidPrefix}${summary}`, code: 'CSV_INVALID', bad_rows: badRows, errors: problems }, 400);
  }
}

export class CsvFileRequiredHttpError extends ContractHttpError {
  constructor(hint = "send the file as multipart/form-data in the field 'archivo_csv' (or 'file')") {
    super({ error: CONTRACT_MESSAGES.csvFileRequired, code: 'CSV_FILE_REQUIRED', hint }, 400);
  }
}

export class UploadTooLargeHttpError extends ContractHttpError {
  constructor(maxBytes: number) {
    super({ error: `The file is larger than the ${maxBytes}-byte upload limit (MAX_UPLOAD_BYTES); nothing was stored`, code: 'UPLOAD_TOO_LARGE', max_bytes: maxBytes }, 413);
  }
}

export class DatabaseUnavailableHttpError extends ContractHttpError {
  constructor() {
    super({ error: 'The database is unavailable; please retry shortly', code: 'DATABASE_UNAVAILABLE' }, 503);
  }
}
