import { DomainError } from './domain-error.js';

export interface CsvLineProblem {
  line: number;
  column: 'ITEM_ID' | 'ORD_CLOSED_DT' | 'PRICE' | null;
  value: string | null;
  message: string;
}

/** The file broke the CSV rules; nothing from it was stored. */
export class CsvInvalidError extends DomainError {
  readonly code = 'CSV_INVALID';

  constructor(
    readonly summary: string,
    readonly problems: CsvLineProblem[],
    readonly badRows: number,
  ) {
    super(summary);
  }
}
