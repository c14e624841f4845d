import type { ErrorCode, ServiceError } from '#libs/errors';

/** The one table from error code to HTTP status; a code without a status does not compile. */
export const ERROR_STATUS: { readonly [Code in ErrorCode]: number } = {
  VALIDATION_ERROR: 400,
  CSV_FILE_REQUIRED: 400,
  CSV_INVALID: 400,
  UPLOAD_TOO_MANY_FILES: 400,
  MULTIPART_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ITEM_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  ALERT_NOT_FOUND: 404,
  ALERT_ALREADY_RESOLVED: 409,
  UPLOAD_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UPLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_BUSY: 503,
  NOT_READY: 503,
};

/** Every error body of the API: `error` (a sentence), `code` (stable), then the error's own fields. */
export type ErrorBody = Record<string, unknown> & { error: string; code: ErrorCode };

export function errorBody(error: ServiceError): ErrorBody {
  return { error: error.message, code: error.code, ...error.fields };
}
