/** Every code the service answers with; the HTTP contract maps each to a status (exhaustively). */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'PAYLOAD_TOO_LARGE'
  | 'ROUTE_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  | 'ITEM_NOT_FOUND'
  | 'ALERT_NOT_FOUND'
  | 'ALERT_ALREADY_RESOLVED'
  | 'CSV_FILE_REQUIRED'
  | 'CSV_INVALID'
  | 'UPLOAD_TOO_LARGE'
  | 'UPLOAD_TOO_MANY_FILES'
  | 'MULTIPART_INVALID'
  | 'UPLOAD_TIMEOUT'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_BUSY'
  | 'NOT_READY'
  | 'INTERNAL_ERROR';

/**
 * A failure the service explains to its caller: a stable `code`, a sentence (`message`), and the
 * fields its answer carries beside them. Raised by framework-free code; mapped to HTTP in one place.
 */
export abstract class ServiceError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly fields: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
