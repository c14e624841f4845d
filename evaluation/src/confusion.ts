/** Counts of one group of verdicts; anomalous is the positive class. */
export class Confusion {
  truePositives = 0;
  falseNegatives = 0;
  falsePositives = 0;
  trueNegatives = 0;

  record(actuallyAnomalous: boolean, flagged: boolean): void {
    if (actuallyAnomalous && flagged) this.truePositives++;
    else if (actuallyAnomalous) this.falseNegatives++;
    else if (flagged) this.falsePositives++;
    else this.trueNegatives++;
  }

  add(other: Confusion): this {
    this.truePositives += other.truePositives;
    this.falseNegatives += other.falseNegatives;
    this.falsePositives += other.falsePositives;
    this.trueNegatives += other.trueNegatives;
    return this;
  }

  get falsePositiveRate(): number {
    return this.falsePositives / (this.falsePositives + this.trueNegatives);
  }

  get truePositiveRate(): number {
    return this.truePositives / (this.truePositives + this.falseNegatives);
  }

  get f1(): number {
    return (2 * this.truePositives) / (2 * this.truePositives + this.falsePositives + this.falseNegatives);
  }
}
