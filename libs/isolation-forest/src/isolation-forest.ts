import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { anomalyScore } from './average-path-length.js';
import { growForest } from './grow-forest.js';
import { deepen, insertPoint, removePoint } from './insert-point.js';
import { resolveOptions, type IsolationForestOptions } from './isolation-forest-options.js';
import { heightLimit, leafOf, type IsolationTree } from './isolation-tree.js';
import { assertScoreInput, assertTrainingValues } from './training-values.js';

// Rough cost of the instance, its arrays' headers, and per tree the three arrays' headers.
const FIXED_OVERHEAD_BYTES = 256;
const TREE_OVERHEAD_BYTES = 96;
const BYTES_PER_ENTRY = 8;

/**
 * Isolation forest over one feature with scikit-learn's semantics; `score` equals sklearn's
 * `-score_samples`. A forest can `grow` by new values without being fitted again: the result is
 * distributed exactly as a forest fitted on all the values (see `grow`).
 */
export class IsolationForest {
  readonly sizeInBytes: number;

  private constructor(
    readonly trees: number,
    readonly sampleSize: number,
    readonly trainedOn: number,
    readonly seed: number,
    /** The configured sample size: each tree's sample is min(this, trainedOn) values. */
    private readonly maxSampleSize: number,
    private readonly grown: readonly IsolationTree[],
    /** Each tree's sample, ascending; while it is the whole series, one array shared by every tree. */
    private readonly samples: readonly Float64Array[],
  ) {
    this.sizeInBytes = FIXED_OVERHEAD_BYTES + [...new Set(samples.map((sample) => sample.buffer))].reduce((bytes, buffer) => bytes + buffer.byteLength, 0)
      + grown.reduce((bytes, tree) => bytes + TREE_OVERHEAD_BYTES + (2 * tree.thresholds.length + tree.pathLengths.length) * BYTES_PER_ENTRY, 0);
  }

  static fit(values: readonly number[], options?: IsolationForestOptions): IsolationForest {
    assertTrainingValues(values);
    const resolved = resolveOptions(options);
    const { trees, samples, sampleSize } = growForest(values, resolved);
    return new IsolationForest(resolved.trees, sampleSize, values.length, resolved.seed, resolved.sampleSize, trees, samples);
  }

  /** Anomaly score in (0, 1]; higher is more anomalous. Path lengths are summed in tree order, so a seed fixes every bit. */
  score(value: number): number {
    assertScoreInput(value);
    let sum = 0;
    for (const tree of this.grown) sum += tree.pathLengths[leafOf(tree.thresholds, value)];
    return anomalyScore(sum / this.grown.length, this.sampleSize);
  }

  /**
   * The forest of the training values plus `added` (taken in order), distributed exactly as one
   * fitted on all of them, at a cost that does not grow with the history:
   * - while each tree's sample is the whole series, each value is inserted into every tree along
   *   its path (`insertPoint`);
   * - after that, each tree's sample stays a uniform sample of the grown series by reservoir
   *   replacement: the value it gives up is removed from the tree (`removePoint`), the new one
   *   inserted.
   * This forest is left as it was. The draws are seeded by the seed and the size reached, so the
   * same forest grown by the same values is the same in every process.
   */
  grow(added: readonly number[]): IsolationForest {
    if (Array.isArray(added) && added.length === 0) return this;
    assertTrainingValues(added);
    const rng = xoroshiro128plus(this.seed ^ this.trainedOn);
    const trees = [...this.grown];
    const samples = [...this.samples];
    const copied = new Set<number>();
    const own = (index: number): IsolationTree => {
      if (!copied.has(index)) {
        trees[index] = copyOf(trees[index]);
        copied.add(index);
      }
      return trees[index];
    };
    // The first change to a sample copies all of them into one new buffer: one allocation per grow, not one per tree.
    let samplesCopied = false;
    const ownSample = (index: number): Float64Array => {
      if (!samplesCopied) {
        const buffer = new Float64Array(samples.length * this.maxSampleSize);
        samples.forEach((sample, at) => {
          buffer.set(sample, at * this.maxSampleSize);
          samples[at] = buffer.subarray(at * this.maxSampleSize, (at + 1) * this.maxSampleSize);
        });
        samplesCopied = true;
      }
      return samples[index];
    };
    let size = this.trainedOn;
    for (const value of added) {
      if (size < this.maxSampleSize) {
        const history = samples[0];
        const [limit, grownLimit] = [heightLimit(size), heightLimit(size + 1)];
        for (let index = 0; index < trees.length; index++) {
          if (grownLimit > limit) deepen(own(index), history, limit, rng);
          insertPoint(own(index), history, value, grownLimit, rng);
        }
        samples.fill(withValue(history, value));
      } else {
        // Algorithm R: the new value takes a uniformly chosen place with probability sampleSize / (size + 1).
        const limit = heightLimit(this.maxSampleSize);
        for (let index = 0; index < trees.length; index++) {
          const place = uniformInt(rng, 0, size);
          if (place >= this.maxSampleSize) continue;
          const sample = ownSample(index);
          const given = sample[place];
          sample.copyWithin(place, place + 1);
          const reduced = sample.subarray(0, sample.length - 1);
          removePoint(own(index), reduced, given, limit, rng);
          insertPoint(trees[index], reduced, value, limit, rng);
          insertSorted(sample, value);
        }
      }
      size++;
    }
    return new IsolationForest(this.trees, Math.min(this.maxSampleSize, size), size, this.seed, this.maxSampleSize, trees, samples);
  }
}

function copyOf(tree: IsolationTree): IsolationTree {
  return { thresholds: tree.thresholds.slice(), splitDepths: tree.splitDepths.slice(), pathLengths: tree.pathLengths.slice() };
}

/** A new ascending array with `value` in its place. */
function withValue(sorted: Float64Array, value: number): Float64Array {
  let at = 0;
  for (let high = sorted.length; at < high;) {
    const middle = (at + high) >>> 1;
    if (sorted[middle] <= value) at = middle + 1;
    else high = middle;
  }
  const grown = new Float64Array(sorted.length + 1);
  grown.set(sorted.subarray(0, at));
  grown[at] = value;
  grown.set(sorted.subarray(at), at + 1);
  return grown;
}

/** Puts `value` in its place in sorted[0, length - 1), in place; the last slot is free. */
function insertSorted(sorted: Float64Array, value: number): void {
  let at = sorted.length - 1;
  while (at > 0 && sorted[at - 1] > value) {
    sorted[at] = sorted[at - 1];
    at--;
  }
  sorted[at] = value;
}
