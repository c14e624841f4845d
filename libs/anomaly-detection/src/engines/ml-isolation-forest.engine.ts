import { IsolationForest as MlIsolationForest, type TreeNode } from 'ml-isolation-forest';
import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { anomalyScore, assertTrainingValues, averagePathLength, sortedSampleDrawer } from '#libs/isolation-forest';
import type { AnomalyEngine, ForestSettings, TrainedForest } from './anomaly-engine.js';

// Rough cost of the closure and the three typed-array headers, beside their buffers.
const FIXED_OVERHEAD_BYTES = 256;
const LEAF = -1;

/**
 * Every tree's nodes in pre-order: a split's left child follows it, its right child is at
 * `rightChild`. Leaves hold their final path length, so scoring is a walk and one addition per tree.
 */
interface CompactForest {
  /** A split's value (x < value goes left, as the package partitioned its sample) or a leaf's path length. */
  readonly values: Float64Array;
  /** A split's right child, or LEAF. */
  readonly rightChild: Int32Array;
  readonly roots: Int32Array;
}

/** What a subtree of the package's tree holds: enough to decide whether scikit-learn would split it. */
interface Subtree {
  readonly count: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The `ml-isolation-forest` package behind the same port, with its defects fenced off:
 * - it trains every tree on all n points (slow, and not scikit-learn's semantics): each tree here
 *   is a one-tree instance grown on its own sample of min(sampleSize, n) points;
 * - it cannot be seeded (Math.random): Math.random is swapped for a seeded generator during the
 *   synchronous training only, so the same data and seed give the same forest;
 * - it returns NaN for n <= 1 and appends trees on a second train(): a fresh instance per tree,
 *   and one-point samples score 0.5 as in scikit-learn;
 * - it accepts a flat array silently and has no types: input is validated and reshaped here;
 * - its scores are off scikit-learn's scale (gamma added once in c(n), one level too deep, and
 *   equal values split, so constant data scores ~0.2): its predict() is not used. Each tree is
 *   read once, cut back where scikit-learn stops, and scored with scikit-learn's c(n).
 */
export const mlIsolationForestEngine: AnomalyEngine = {
  name: 'ml-isolation-forest',
  train(values: readonly number[], settings: ForestSettings): TrainedForest {
    assertTrainingValues(values);
    const sampleSize = Math.min(settings.sampleSize, values.length);
    const rng = mersenne(settings.seed);
    const drawSample = sortedSampleDrawer(values, sampleSize, rng);
    const forest = new CompactForestBuilder(Math.ceil(Math.log2(sampleSize)));
    withSeededMathRandom(rng, () => {
      for (let tree = 0; tree < settings.trees; tree++) {
        const instance = new MlIsolationForest({ nEstimators: 1 });
        instance.train(Array.from(drawSample(), (value) => [value]));
        // Compacted at once, so only one package tree (with its leaf arrays) is alive at a time.
        forest.add(instance.forest[0]);
      }
    });
    const { values: nodeValues, rightChild, roots } = forest.build();

    return {
      engine: 'ml-isolation-forest',
      trees: settings.trees,
      sampleSize,
      trainedOn: values.length,
      seed: settings.seed,
      sizeInBytes: nodeValues.byteLength + rightChild.byteLength + roots.byteLength + FIXED_OVERHEAD_BYTES,
      score(price: number): number {
        if (!Number.isFinite(price)) throw new Error(`score expects a finite number, got ${String(price)}`);
        let pathLengths = 0;
        for (const root of roots) {
          let node = root;
          while (rightChild[node] !== LEAF) node = price < nodeValues[node] ? node + 1 : rightChild[node];
          pathLengths += nodeValues[node];
        }
        // c(1) = 0: anomalyScore scores a one-point sample 0.5, as scikit-learn does.
        return anomalyScore(pathLengths / roots.length, sampleSize);
      },
    };
  },
};

/**
 * Copies package trees into a CompactForest with scikit-learn's semantics: a node is a leaf if it
 * holds <= 1 point, if its points are all equal, or at depth ceil(log2(sampleSize)); a leaf's
 * path length is depth + c(points), c being scikit-learn's (ours), not the package's.
 */
class CompactForestBuilder {
  private readonly values: number[] = [];
  private readonly rightChild: number[] = [];
  private readonly roots: number[] = [];

  constructor(private readonly heightLimit: number) {}

  add(root: TreeNode): void {
    this.roots.push(this.values.length);
    this.copy(root, 0);
  }

  build(): CompactForest {
    return { values: Float64Array.from(this.values), rightChild: Int32Array.from(this.rightChild), roots: Int32Array.from(this.roots) };
  }

  /**
   * Children are copied first, since whether this node splits depends on what lies beneath it
   * (the package keeps points on its leaves only); if it must be a leaf, they are dropped again.
   */
  private copy(node: TreeNode, depth: number): Subtree {
    const at = this.values.length;
    this.values.push(0);
    this.rightChild.push(LEAF);
    if (node.trainingSet !== undefined) return this.leaf(at, depth, node.trainingSet);
    const { left, right, splitValue } = node;
    // Not the package's API: fail loudly if an upgrade changes the node's shape.
    if (left === undefined || right === undefined || splitValue === undefined) {
      throw new Error('ml-isolation-forest: a tree node has neither a training set nor two children and a split value');
    }
    const lower = this.copy(left, depth + 1);
    const rightAt = this.values.length;
    const upper = this.copy(right, depth + 1);
    // The package sends smaller values left, so the bounds are the outer non-empty children's.
    const subtree = {
      count: lower.count + upper.count,
      min: lower.count > 0 ? lower.min : upper.min,
      max: upper.count > 0 ? upper.max : lower.max,
    };
    // Where scikit-learn stops and the package carries on: equal values and one level too deep.
    if (subtree.count <= 1 || subtree.min === subtree.max || depth >= this.heightLimit) {
      this.values.length = this.rightChild.length = at + 1;
      this.values[at] = depth + averagePathLength(subtree.count);
      return subtree;
    }
    this.values[at] = splitValue;
    this.rightChild[at] = rightAt;
    return subtree;
  }

  private leaf(at: number, depth: number, rows: readonly (readonly number[])[]): Subtree {
    let min = Infinity;
    let max = -Infinity;
    for (let row = 0; row < rows.length; row++) {
      const value = rows[row][0];
      if (value < min) min = value;
      if (value > max) max = value;
    }
    this.values[at] = depth + averagePathLength(rows.length);
    return { count: rows.length, min, max };
  }
}

function withSeededMathRandom<T>(rng: ReturnType<typeof mersenne>, work: () => T): T {
  const original = Math.random;
  Math.random = () => uniformFloat64(rng);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
