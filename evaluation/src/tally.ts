/** Flagged out of judged, for one kind of query. */
export class Rate {
  flagged = 0;
  total = 0;

  record(flags: readonly boolean[]): void {
    for (const flag of flags) if (flag) this.flagged++;
    this.total += flags.length;
  }

  get value(): number {
    return this.total === 0 ? Number.NaN : this.flagged / this.total;
  }
}

/** One group's verdicts: the false-positive rate on normal queries, recall per anomaly tier. */
export class Tally {
  readonly falsePositives = new Rate();
  readonly moderate = new Rate();
  readonly gross = new Rate();
  readonly inGap = new Rate();

  add(verdicts: { normal: readonly boolean[]; moderate: readonly boolean[]; gross: readonly boolean[]; inGap: readonly boolean[] }): void {
    this.falsePositives.record(verdicts.normal);
    this.moderate.record(verdicts.moderate);
    this.gross.record(verdicts.gross);
    this.inGap.record(verdicts.inGap);
  }
}

export const pct = (rate: number) => (Number.isNaN(rate) ? '-' : `${(100 * rate).toFixed(1)}%`);
