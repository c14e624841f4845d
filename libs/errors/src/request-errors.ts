import { ServiceError } from './service-error.js';

export interface ValidationDetail {
  field: string;
  message: string;
}

/** A malformed parameter or body: one detail per broken rule. */
export class ValidationError extends ServiceError {
  readonly code = 'VALIDATION_ERROR';

  constructor(readonly details: ValidationDetail[], message = details.map((detail) => detail.message).join('; ')) {
    super(message, { details });
  }
}

export class PayloadTooLargeError extends ServiceError {
  readonly code = 'PAYLOAD_TOO_LARGE';

  constructor(limit: string) {
    super(`The request body is larger than ${limit}`, { limit });
  }
}

export class RouteNotFoundError extends ServiceError {
  readonly code = 'ROUTE_NOT_FOUND';

  constructor(method: string, path: string) {
    super(`No route ${method} ${path}`);
  }
}

export class UnauthorizedError extends ServiceError {
  readonly code = 'UNAUTHORIZED';

  constructor() {
    super('An API key is required: Authorization: Bearer <key> or X-API-Key');
  }
}

export class ForbiddenError extends ServiceError {
  readonly code = 'FORBIDDEN';

  constructor() {
    super('This API key is not allowed here');
  }
}

export class TooManyRequestsError extends ServiceError {
  readonly code = 'TOO_MANY_REQUESTS';

  constructor() {
    super('Too many requests: slow down and retry after the time in Retry-After');
  }
}

/** A bug: the caller learns only that it was ours. */
export class InternalError extends ServiceError {
  readonly code = 'INTERNAL_ERROR';

  constructor() {
    super('Internal server error');
  }
}
