import { CONTRACT_ERROR_MESSAGES } from './contract-messages.js';
import { ServiceError } from './service-error.js';

export class ItemNotFoundError extends ServiceError {
  readonly code = 'ITEM_NOT_FOUND';

  constructor(readonly itemId: string) {
    super(CONTRACT_ERROR_MESSAGES.itemNotFound, { item_id: itemId });
  }
}
