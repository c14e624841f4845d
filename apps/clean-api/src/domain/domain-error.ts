/** Every error a use case may raise; the HTTP filter maps each code to a status exhaustively. */
export type DomainErrorCode = 'ITEM_NOT_FOUND' | 'CSV_FILE_REQUIRED' | 'CSV_INVALID' | 'UPLOAD_TOO_LARGE';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}
