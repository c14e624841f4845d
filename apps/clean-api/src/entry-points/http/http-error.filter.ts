import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { CsvFileRequiredError, CsvInvalidError, UploadTooLargeError } from '../../domain/csv-errors.js';
import { DomainError } from '../../domain/domain-error.js';
import { ItemNotFoundError } from '../../domain/item-not-found.error.js';
import { RequestValidationError } from './request-validation.js';

interface HttpError {
  status: number;
  body: Record<string, unknown> & { error: string; code: string };
}

/** Every failure leaves as `{ error, code, ... }`; only a genuine bug becomes a 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toHttpError(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : exception);
    if (response.headersSent) {
      response.destroy(); // mid-stream: cutting the connection is the only honest signal left
      return;
    }
    response.status(status).json(body);
  }

  private toHttpError(exception: unknown): HttpError {
    if (exception instanceof DomainError) return fromDomainError(exception);
    if (exception instanceof RequestValidationError) {
      return { status: 400, body: { error: exception.message, code: 'VALIDATION_ERROR', details: exception.details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Our pipe reports its own 400s; any other 400 is the framework rejecting the body itself.
      if (status === 400) return { status, body: { error: `Malformed request: ${exception.message}`, code: 'VALIDATION_ERROR', details: [] } };
      return { status, body: { error: exception.message, code: HttpStatus[status] ?? 'HTTP_ERROR' } };
    }
    return { status: 500, body: { error: 'Internal server error', code: 'INTERNAL_ERROR' } };
  }
}

function fromDomainError(error: DomainError): HttpError {
  const base = { error: error.message, code: error.code };
  switch (error.code) {
    case 'ITEM_NOT_FOUND':
      return { status: 404, body: { ...base, item_id: (error as ItemNotFoundError).itemId } };
    case 'CSV_FILE_REQUIRED':
      return { status: 400, body: { ...base, hint: (error as CsvFileRequiredError).hint } };
    case 'CSV_INVALID': {
      const invalid = error as CsvInvalidError;
      return { status: 400, body: { ...base, bad_rows: invalid.badRows, errors: invalid.problems } };
    }
    case 'UPLOAD_TOO_LARGE':
      return { status: 413, body: { ...base, max_bytes: (error as UploadTooLargeError).maxBytes } };
    default: {
      const unhandled: never = error.code;
      throw new Error(`Unmapped domain error code ${String(unhandled)}`);
    }
  }
}
