import type { AnomalyVerdict, JudgeOptions, PriceAssessment } from '../../domain/anomaly-verdict.js';
import type { HistoryAppend, VersionedPrices } from '../../domain/price-point.js';

/** A model trained on one version of an item's history. */
export interface AnomalyModel {
  /** `stale`: the version could not be confirmed current (database unreachable); the verdict says so. */
  judge(price: number, options?: JudgeOptions): AnomalyVerdict;
  /** The verdict without its explanation (for many past orders). */
  assess(price: number, sensitivity?: number): PriceAssessment;
  readonly expected: number;
  normalRange(sensitivity?: number): { low: number; high: number };
  /** Past orders can be flagged only below `below` or above `above`. */
  seenPricesFlaggedOutside(sensitivity?: number): { below: number; above: number };
  description(): object;
}

export abstract class AnomalyModels {
  /**
   * The model for `itemId` at `version`, trained from `loadPrices()` when none is at hand.
   * Resolves `null` when the loader finds no history.
   */
  abstract modelFor(itemId: string, version: string, loadPrices: () => Promise<VersionedPrices | null>): Promise<AnomalyModel | null>;

  /** Committed appends: the model of each one's `fromVersion`, where at hand, becomes the model of its `toVersion`. */
  abstract learn(appends: readonly HistoryAppend[]): void;
}
