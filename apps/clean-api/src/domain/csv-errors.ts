import { DomainError } from './domain-error.js';

export class CsvFileRequiredError extends DomainError {
  readonly code = 'CSV_FILE_REQUIRED';

  constructor(readonly hint = "send the file as multipart/form-data in the field 'archivo_csv' (or 'file')") {
    super('Se requiere un archivo CSV');
  }
}

export interface CsvLineProblem {
  line: number;
  column: string | null;
  value: string | null;
  message: string;
}

/** The file broke the CSV rules; nothing from it was stored. */
export class CsvInvalidError extends DomainError {
  readonly code = 'CSV_INVALID';

  constructor(
    readonly summary: string,
    readonly problems: CsvLineProblem[],
    readonly badRows: number,
  ) {
    super(`Error procesando el archivo .csv: ${summary}`);
  }
}

export class UploadTooLargeError extends DomainError {
  readonly code = 'UPLOAD_TOO_LARGE';

  constructor(readonly maxBytes: number) {
    super(`The file is larger than the ${maxBytes}-byte upload limit (MAX_UPLOAD_BYTES); nothing was stored`);
  }
}
