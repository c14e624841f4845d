/** Every error a use case may raise; the HTTP edge translates each code exhaustively. */
export type DomainErrorCode = 'ITEM_NOT_FOUND' | 'CSV_INVALID';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}
