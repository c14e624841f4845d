export type AnomalyReason = 'isolation_forest' | 'outside_normal_range' | 'insufficient_history' | 'constant_history';

/** Why a price was (or was not) called abnormal for an item, as returned to clients in `metadata`. */
export interface AnomalyExplanation {
  score: number;
  threshold: number;
  reason: AnomalyReason;
  normal_range: { low: number; high: number };
  direction: 'high' | 'low' | null;
  model: {
    engine: string;
    trees: number;
    sample_size: number;
    trained_on: number;
    seed: number;
    history_version: string;
  };
}

export interface AnomalyVerdict {
  anomaly: boolean;
  metadata: AnomalyExplanation;
}
