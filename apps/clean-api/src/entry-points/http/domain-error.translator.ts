import { CsvInvalidHttpError, ItemNotFoundHttpError, type ContractHttpError } from '../../../../../libs/http-api/src/index.js';
import type { CsvInvalidError } from '../../domain/csv-errors.js';
import { DomainError } from '../../domain/domain-error.js';
import type { ItemNotFoundError } from '../../domain/item-not-found.error.js';

/** Domain errors as contract answers, one case per code: a new code will not compile unmapped. */
export function translateDomainError(exception: unknown): ContractHttpError | undefined {
  if (!(exception instanceof DomainError)) return undefined;
  switch (exception.code) {
    case 'ITEM_NOT_FOUND':
      return new ItemNotFoundHttpError((exception as ItemNotFoundError).itemId);
    case 'CSV_INVALID': {
      const invalid = exception as CsvInvalidError;
      return new CsvInvalidHttpError(invalid.summary, invalid.problems, invalid.badRows);
    }
    default: {
      const unmapped: never = exception.code;
      throw new Error(`Unmapped domain error code ${String(unmapped)}`);
    }
  }
}
