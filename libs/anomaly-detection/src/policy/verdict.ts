import type { EngineName } from '../engines/anomaly-engine.js';

/**
 * Why a price was judged as it was:
 * - `outside_normal_range`: beyond the item's band of normal prices (which an isolation forest
 *   cannot see past: a price 10x the maximum scores like the maximum);
 * - `isolation_forest`: inside the band, decided by the forest score against the threshold (an
 *   anomaly inside the band is a price in a gap the item never trades in, e.g. between two tiers);
 * - `insufficient_history`: too few prices for a forest; the band alone decided;
 * - `constant_history`: every price so far is the same; the band around it decided.
 */
export type AnomalyReason = 'isolation_forest' | 'outside_normal_range' | 'insufficient_history' | 'constant_history';

export interface AnomalyExplanation {
  score: number;
  threshold: number;
  reason: AnomalyReason;
  /** Prices inside are normal at this sensitivity (unless in a gap, see `reason`). */
  normal_range: { low: number; high: number };
  direction: 'high' | 'low' | null;
  /** The item's typical price now: the median of its most recent orders. */
  expected: number;
  /** 0 within the item's levels, 50 at the edge of the default band, towards 100 the further out. */
  severity: number;
  model: {
    engine: EngineName;
    trees: number;
    sample_size: number;
    trained_on: number;
    seed: number;
    history_version: string;
    /** The sensitivity (0..100) the band was drawn at. */
    sensitivity: number;
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

export interface JudgeOptions {
  /** 0..100: higher flags more; the default is the policy's calibrated operating point. */
  sensitivity?: number;
  /** The caller could not confirm this is the item's current version (see `model.stale`). */
  stale?: boolean;
}

/** A verdict without its explanation. */
export interface PriceAssessment {
  anomaly: boolean;
  score: number;
  reason: AnomalyReason;
  severity: number;
  direction: 'high' | 'low' | null;
}
