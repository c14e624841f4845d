import { growForest } from './grow-forest.js';
import { resolveOptions, type IsolationForestOptions } from './isolation-forest-options.js';
import { compileStepFunction, evaluateStepFunction, type StepFunction } from './step-function.js';
import { assertScoreInput, assertTrainingValues } from './training-values.js';

// Rough cost of the instance and the two typed-array headers, beside their buffers.
const FIXED_OVERHEAD_BYTES = 256;

/**
 * Isolation forest over one feature with scikit-learn's semantics; `score` equals sklearn's
 * `-score_samples`. Trees are discarded after training: only the compiled step function is kept.
 */
export class IsolationForest {
  readonly sizeInBytes: number;

  private constructor(
    readonly trees: number,
    readonly sampleSize: number,
    readonly trainedOn: number,
    readonly seed: number,
    private readonly stepFunction: StepFunction,
  ) {
    this.sizeInBytes = stepFunction.breakpoints.byteLength + stepFunction.scores.byteLength + FIXED_OVERHEAD_BYTES;
  }

  static fit(values: readonly number[], options?: IsolationForestOptions): IsolationForest {
    assertTrainingValues(values);
    const resolved = resolveOptions(options);
    const forest = growForest(values, resolved);
    const stepFunction = compileStepFunction(forest.trees, forest.sampleSize);
    return new IsolationForest(resolved.trees, forest.sampleSize, values.length, resolved.seed, stepFunction);
  }

  /** Anomaly score in (0, 1]; higher is more anomalous. */
  score(value: number): number {
    assertScoreInput(value);
    return evaluateStepFunction(this.stepFunction, value);
  }
}
