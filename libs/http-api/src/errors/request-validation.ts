import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

const MAX_BODY_DEPTH = 32;

/** Deeper than any request of ours needs; measured without recursion, so it cannot overflow the stack. */
function tooDeep(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * The DTO rules, after two checks class-transformer cannot survive: a body that is not a JSON
 * object, and nesting deep enough to overflow its recursion (found by the bad-input fuzz test).
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new RequestValidationError([{ field: 'body', message: 'the request body must be a JSON object' }]);
    }
    if (tooDeep(value)) throw new RequestValidationError([{ field: metadata.type, message: `nested deeper than ${MAX_BODY_DEPTH} levels` }]);
    return super.transform(value, metadata);
  }
}

export const requestValidationPipe = () =>
  new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
