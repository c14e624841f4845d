import type { CsvProblem } from '../../../price-csv/src/index.js';

/** The file broke the CSV rules: nothing from it was stored. */
export class PriceCsvRejectedError extends Error {
  constructor(
    readonly problems: CsvProblem[],
    readonly badRows: number,
  ) {
    super(problems.length === 1 && badRows <= 1 ? problems[0].message : `${badRows} invalid rows, first at line ${problems[0].line}`);
  }
}
