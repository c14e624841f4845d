import { ValidationPipe, type ValidationError } from '@nestjs/common';

export interface ValidationDetail {
  field: string;
  message: string;
}

/** Thrown by the global ValidationPipe; the filter answers it as 400 VALIDATION_ERROR. */
export class RequestValidationError extends Error {
  constructor(readonly details: ValidationDetail[]) {
    super(details.map((d) => d.message).join('; '));
  }
}

function flatten(errors: ValidationError[], parent = ''): ValidationDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') ? `unknown field '${field}'` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const requestValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
