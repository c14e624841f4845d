import type { EngineName } from '../engines/anomaly-engine.js';

/**
 * Why a price was judged as it was:
 * - `outside_normal_range`: beyond the item's band of normal prices (which an isolation forest
 *   cannot see past: a price 10x the maximum scores like the maximum);
 * - `isolation_forest`: inside the band, decided by the forest score against the threshold;
 * - `insufficient_history`: too few prices for a forest; the band alone decided;
 * - `constant_history`: every price so far is the same; the band around it decided.
 */
export type AnomalyReason = 'isolation_forest' | 'outside_normal_range' | 'insufficient_history' | 'constant_history';

export interface AnomalyExplanation {
  score: number;
  threshold: number;
  reason: AnomalyReason;
  normal_range: { low: number; high: number };
  direction: 'high' | 'low' | null;
  model: {
    engine: EngineName;
    trees: number;
    sample_size: number;
    trained_on: number;
    seed: number;
    history_version: string;
    /**
     * True only when the database could not be reached and the item's last known version
     * (recently read) stood in for the current one: the verdict may miss a very recent change.
     */
    stale: boolean;
  };
}

export interface AnomalyVerdict {
  anomaly: boolean;
  metadata: AnomalyExplanation;
}
