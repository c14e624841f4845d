import { DomainError } from './domain-error.js';

export class ItemNotFoundError extends DomainError {
  readonly code = 'ITEM_NOT_FOUND';

  constructor(readonly itemId: string) {
    super(`Item ${itemId} has no price history`);
  }
}
