import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { DatabaseBusyError, DatabaseUnavailableError, ForbiddenError, TooManyRequestsError, UnauthorizedError, type ServiceError } from '#libs/errors';
import { errorBody, ERROR_STATUS } from '../errors/error-status.js';

/** An error answer documented by an instance of the error itself: the example cannot drift from the code. */
export const errorResponse = (description: string, ...errors: [ServiceError, ...ServiceError[]]) => ApiResponse({
  status: ERROR_STATUS[errors[0].code],
  description,
  ...(errors.length === 1 ? { example: errorBody(errors[0]) }
    : { examples: Object.fromEntries(errors.map((error) => [error.code, { summary: error.code, value: errorBody(error) }])) }),
});

/** What any route of the contract may answer besides its own outcomes: keys, rate limits, the database. */
export const operationalErrors = () => applyDecorators(
  errorResponse('UNAUTHORIZED: API keys are on (API_KEYS / API_KEYS_READ) and none was sent', new UnauthorizedError()),
  errorResponse('FORBIDDEN: the key sent is not one for this route', new ForbiddenError()),
  errorResponse('TOO_MANY_REQUESTS: over RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_MS (see Retry-After)', new TooManyRequestsError()),
  errorResponse('The database is unreachable, or every connection of this process is busy: retry after Retry-After', new DatabaseUnavailableError(), new DatabaseBusyError()),
);

