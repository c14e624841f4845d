import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ContractHttpError } from './contract-http-error.js';

export interface ValidationDetail {
  field: string;
  message: string;
}

/** Thrown by the global ValidationPipe: 400 VALIDATION_ERROR with one detail per broken rule. */
export class RequestValidationError extends ContractHttpError {
  constructor(readonly details: ValidationDetail[]) {
    super({ error: details.map((d) => d.message).join('; '), code: 'VALIDATION_ERROR', details }, 400);
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
