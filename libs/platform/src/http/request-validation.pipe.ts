import { ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError, type ValidationDetail } from '#libs/errors';

function flatten(errors: ClassValidatorError[], parent = ''): ValidationDetail[] {
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
      throw new ValidationError([{ field: 'body', message: 'the request body must be a JSON object' }]);
    }
    if (tooDeep(value)) throw new ValidationError([{ field: metadata.type, message: `nested deeper than ${MAX_BODY_DEPTH} levels` }]);
    return super.transform(value, metadata);
  }
}

export const requestValidationPipe = () =>
  new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationError(flatten(errors)),
  });
