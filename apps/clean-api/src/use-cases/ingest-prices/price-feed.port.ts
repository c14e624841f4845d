import type { JudgedObservation, ObservationOutcome } from '../../domain/price-point.js';

export abstract class PriceFeed {
  /**
   * In one transaction: each observation once (a resend returns its first outcome), normal ones
   * appended to the history, anomalous ones held as alerts. Outcomes in the batch's order.
   */
  abstract record(batch: readonly JudgedObservation[]): Promise<ObservationOutcome[]>;
}
