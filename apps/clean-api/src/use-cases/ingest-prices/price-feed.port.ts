import type { JudgedObservation, RecordedBatch } from '../../domain/price-point.js';

export abstract class PriceFeed {
  /**
   * In one transaction: each observation once (a resend returns its first outcome), normal ones
   * appended to the history, anomalous ones held as alerts. Outcomes in the batch's order, and
   * what was appended to each item's history (from which version to which).
   */
  abstract record(batch: readonly JudgedObservation[]): Promise<RecordedBatch>;
}
