import { HttpException } from '@nestjs/common';
import {
  DatabaseBusyError, DatabaseUnavailableError, InternalError, NotReadyError, PayloadTooLargeError, RouteNotFoundError, ServiceError,
  TooManyRequestsError, ValidationError,
} from '#libs/errors';
import { databaseFailureOf } from '#libs/database';

/**
 * What reaches the filter that is not one of our own errors, named in our vocabulary: the
 * framework's rejections (malformed JSON, unknown route, rate limit, a failed readiness check), body-parser's size limit,
 * and a database that is gone or saturated. Anything else is a bug.
 */
export function toServiceError(exception: unknown, request: { method: string; path: string }): ServiceError {
  if (exception instanceof ServiceError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Any other 400 is the framework rejecting the body itself (e.g. malformed JSON).
    if (status === 400) return new ValidationError([], `Malformed request: ${exception.message}`);
    if (status === 404) return new RouteNotFoundError(request.method, request.path);
    if (status === 413) return new PayloadTooLargeError('the JSON body limit');
    if (status === 429) return new TooManyRequestsError();
    // @nestjs/terminus answers a failed readiness check this way, with the result of every check.
    if (status === 503) return new NotReadyError((exception.getResponse() as { details?: unknown }).details ?? exception.getResponse());
  }
  const database = databaseFailureOf(exception);
  if (database === 'busy') return new DatabaseBusyError();
  if (database === 'unreachable') return new DatabaseUnavailableError();
  const { type, limit } = (exception ?? {}) as { type?: string; limit?: number };
  if (type === 'entity.too.large') return new PayloadTooLargeError(`${limit} bytes`);
  return new InternalError();
}
