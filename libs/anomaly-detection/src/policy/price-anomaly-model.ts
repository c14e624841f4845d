import type { AnomalyEngine, TrainedForest } from '../engines/anomaly-engine.js';
import { DEFAULT_DETECTION_POLICY, type DetectionPolicy } from './detection-policy.js';
import { logGapToNearest, profilePrices, type PriceProfile } from './price-profile.js';
import type { AnomalyReason, AnomalyVerdict } from './verdict.js';

const PROFILE_BYTES = 256;

/** One item's model: its forest, its band of normal prices, and the rules that combine them. */
export class PriceAnomalyModel {
  readonly sizeInBytes: number;
  readonly normalRange: { low: number; high: number };

  private constructor(
    readonly historyVersion: string,
    private readonly forest: TrainedForest,
    private readonly profile: PriceProfile,
    private readonly policy: DetectionPolicy,
  ) {
    this.normalRange = normalBand(profile, policy);
    this.sizeInBytes = forest.sizeInBytes + profile.distinct.byteLength + PROFILE_BYTES;
  }

  static train(prices: readonly number[], historyVersion: string, engine: AnomalyEngine, policy: DetectionPolicy = DEFAULT_DETECTION_POLICY): PriceAnomalyModel {
    const forest = engine.train(prices, { trees: policy.trees, sampleSize: policy.sampleSize, seed: policy.seed });
    return new PriceAnomalyModel(historyVersion, forest, profilePrices(prices, policy.tailShare), policy);
  }

  /** `stale`: the caller could not confirm this is still the item's current version (see the verdict's `model.stale`). */
  judge(price: number, { stale = false }: { stale?: boolean } = {}): AnomalyVerdict {
    const score = this.forest.score(price);
    const outside = price < this.normalRange.low || price > this.normalRange.high;
    const reason = this.reasonFor(outside);
    const anomaly = outside || (reason === 'isolation_forest' && this.isolated(price, score));
    return {
      anomaly,
      metadata: {
        score,
        threshold: this.policy.scoreThreshold,
        reason,
        normal_range: this.normalRange,
        direction: anomaly ? (price > this.profile.median ? 'high' : 'low') : null,
        model: {
          engine: this.forest.engine,
          trees: this.forest.trees,
          sample_size: this.forest.sampleSize,
          trained_on: this.forest.trainedOn,
          seed: this.forest.seed,
          history_version: this.historyVersion,
          stale,
        },
      },
    };
  }

  private isolated(price: number, score: number): boolean {
    return score >= this.policy.scoreThreshold && logGapToNearest(this.profile, price) >= this.policy.minIsolationGap;
  }

  private reasonFor(outside: boolean): AnomalyReason {
    if (this.profile.count < this.policy.minHistory) return 'insufficient_history';
    if (this.profile.constant) return 'constant_history';
    return outside ? 'outside_normal_range' : 'isolation_forest';
  }
}

/**
 * The band of prices treated as normal: around the median, at least `minBandFactor` either way,
 * wider where the item's own spread (measured between its tails) is wider.
 */
function normalBand(profile: PriceProfile, policy: DetectionPolicy): { low: number; high: number } {
  const minimum = Math.log(policy.minBandFactor);
  const below = Math.max(minimum, policy.spreadMultiplier * (profile.logMedian - profile.logLowTail));
  const above = Math.max(minimum, policy.spreadMultiplier * (profile.logHighTail - profile.logMedian));
  return { low: roundPrice(Math.exp(profile.logMedian - below)), high: roundPrice(Math.exp(profile.logMedian + above)) };
}

/** Bands are shown to people: 4 decimals, like stored prices. */
function roundPrice(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
