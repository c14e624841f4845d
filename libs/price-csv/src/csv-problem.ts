import type { CsvProblem } from '#libs/errors';

/** How many problems a rejection lists; the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 100;

/** Collects the first problems of a file and counts every bad row. */
export class CsvProblemReport {
  readonly problems: CsvProblem[] = [];
  badRows = 0;

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  add(problem: CsvProblem): void {
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(problem);
  }
}
