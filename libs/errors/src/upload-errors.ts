import { CONTRACT_ERROR_MESSAGES } from './contract-messages.js';
import { ServiceError } from './service-error.js';

export type PriceCsvColumn = 'ITEM_ID' | 'ORD_CLOSED_DT' | 'PRICE';

/** One reason a file was rejected, pointing at the line a user can open in an editor. */
export interface CsvProblem {
  line: number;
  column: PriceCsvColumn | null;
  value: string | null;
  message: string;
}

const FILE_FIELDS_HINT = "send the file as multipart/form-data in the field 'archivo_csv' (or 'file')";

export class CsvFileRequiredError extends ServiceError {
  readonly code = 'CSV_FILE_REQUIRED';

  constructor(hint = FILE_FIELDS_HINT) {
    super(CONTRACT_ERROR_MESSAGES.csvFileRequired, { hint });
  }
}

/** The file broke the CSV rules; nothing from it was stored. */
export class CsvInvalidError extends ServiceError {
  readonly code = 'CSV_INVALID';

  constructor(
    readonly problems: CsvProblem[],
    readonly badRows: number,
  ) {
    const summary = problems.length === 1 && badRows <= 1 ? problems[0].message : `${badRows} invalid rows, first at line ${problems[0].line}`;
    super(`${CONTRACT_ERROR_MESSAGES.csvInvalidPrefix}${summary}`, { bad_rows: badRows, errors: problems });
  }
}

export class UploadTooLargeError extends ServiceError {
  readonly code = 'UPLOAD_TOO_LARGE';

  constructor(maxBytes: number) {
    super(`The file is larger than the ${maxBytes}-byte upload limit (MAX_UPLOAD_BYTES); nothing was stored`, { max_bytes: maxBytes });
  }
}

export class UploadTooManyFilesError extends ServiceError {
  readonly code = 'UPLOAD_TOO_MANY_FILES';

  constructor() {
    super(`Only one file is accepted per upload; nothing was stored (${FILE_FIELDS_HINT})`);
  }
}

/** The multipart envelope itself is broken: no boundary, not form-data, cut short. */
export class MultipartInvalidError extends ServiceError {
  readonly code = 'MULTIPART_INVALID';

  constructor(reason: string) {
    super(`Malformed multipart/form-data request (${reason}); nothing was stored`);
  }
}

/** The client stopped sending in the middle of an upload. */
export class UploadTimeoutError extends ServiceError {
  readonly code = 'UPLOAD_TIMEOUT';

  constructor(idleMs: number) {
    super(`No data arrived for ${idleMs} ms (UPLOAD_IDLE_TIMEOUT_MS); the upload was abandoned and nothing was stored`, { idle_timeout_ms: idleMs });
  }
}
