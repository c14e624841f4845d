/** How a forest is grown; the same for every engine so their verdicts are comparable. */
export interface ForestSettings {
  trees: number;
  sampleSize: number;
  seed: number;
}

/** A trained forest, reduced to what the policy needs: a score per price and what it was built from. */
export interface TrainedForest {
  readonly engine: EngineName;
  readonly trees: number;
  /** Points each tree was grown on: min(settings.sampleSize, n). */
  readonly sampleSize: number;
  readonly trainedOn: number;
  readonly seed: number;
  readonly sizeInBytes: number;
  /** Isolation score in (0, 1], scikit-learn's `-score_samples`: higher is more isolated. */
  score(price: number): number;
  /**
   * The forest of the training values plus `added`, as if trained on all of them (this one is left
   * as it was). Absent when the engine can only train afresh.
   */
  grow?(added: readonly number[]): TrainedForest;
}

export const ENGINE_NAMES = ['isolation-forest', 'ml-isolation-forest'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface AnomalyEngine {
  readonly name: EngineName;
  train(values: readonly number[], settings: ForestSettings): TrainedForest;
}
