import { dayNumber, RECENT_ORDERS, type HistoryRow } from '#libs/price-history';
import type { AnomalyEngine, TrainedForest } from '../engines/anomaly-engine.js';
import { DEFAULT_DETECTION_POLICY, type DetectionPolicy } from './detection-policy.js';
import { ascendingCopy, logGapToNearest, profilePrices, type PriceProfile } from './price-profile.js';
import type { AnomalyReason, AnomalyVerdict, JudgeOptions, PriceAssessment } from './verdict.js';

const PROFILE_BYTES = 256;
/** Sensitivity runs from 0 to 100: the default sits halfway. */
const HALF_SCALE = 50;

/** The latest orders in time order, oldest first, with the day of each (`dayNumber`). */
interface RecentOrders {
  prices: Float64Array;
  days: Float64Array;
}

/**
 * One item's model: its forest, its levels and noise, and the rules that combine them. The band
 * of normal prices runs from the item's lowest to its highest level, widened by its own noise
 * (tight items get a tight band, dispersed items a wide one) and by the sensitivity asked for.
 */
export class PriceAnomalyModel {
  readonly sizeInBytes: number;
  /** The margin at the default sensitivity: severity and the forest's gap rule are measured against it. */
  private readonly defaultMargin: number;

  private constructor(
    readonly historyVersion: string,
    private readonly forest: TrainedForest,
    private readonly profile: PriceProfile,
    private readonly policy: DetectionPolicy,
    private readonly recent: RecentOrders,
  ) {
    this.sizeInBytes = forest.sizeInBytes + profile.sorted.byteLength + recent.prices.byteLength + recent.days.byteLength + PROFILE_BYTES;
    this.defaultMargin = this.margin();
  }

  /**
   * `prices`: the whole history in any order; `recent`: its latest orders in time order (by
   * default the last RECENT_ORDERS of `prices`, for callers that pass the history in time order),
   * and the day of each (by default one day for all: later in the array is later in time).
   */
  static train(prices: readonly number[], historyVersion: string, engine: AnomalyEngine, policy: DetectionPolicy = DEFAULT_DETECTION_POLICY,
    recent: readonly number[] = prices.slice(-RECENT_ORDERS), recentDays: readonly number[] = new Array<number>(recent.length).fill(0)): PriceAnomalyModel {
    const forest = engine.train(prices, { trees: policy.trees, sampleSize: policy.sampleSize, seed: policy.seed });
    const latest = { prices: Float64Array.from(recent), days: Float64Array.from(recentDays) };
    return new PriceAnomalyModel(historyVersion, forest, profilePrices(ascendingCopy(prices), latest.prices, policy), policy, latest);
  }

  /**
   * The model of the history grown by `rows` (appended after everything it was trained on), as
   * `historyVersion`: the band and levels exactly as a model trained on the grown history would
   * have them, the forest grown as the engine allows. `null` when the engine cannot grow a forest
   * (then only training afresh gives the new version's model). This model is left as it was.
   */
  grow(rows: readonly HistoryRow[], historyVersion: string): PriceAnomalyModel | null {
    const forest = this.forest.grow?.(rows.map((row) => row.price));
    if (!forest) return null;
    const recent = withRecentOrders(this.recent, rows);
    const sorted = mergedAscending(this.profile.sorted, Float64Array.from(rows, (row) => row.price).sort());
    return new PriceAnomalyModel(historyVersion, forest, profilePrices(sorted, recent.prices, this.policy), this.policy, recent);
  }

  get expected(): number {
    return roundPrice(this.profile.expected);
  }

  /** How far (log) the band reaches beyond the levels at `sensitivity`. */
  margin(sensitivity = this.policy.sensitivity): number {
    const { policy, profile } = this;
    const base = Math.max(policy.minMargin, policy.noiseMultiplier * profile.noise);
    return base * 2 ** ((policy.sensitivity - sensitivity) / policy.sensitivityHalving);
  }

  /** The forest score that flags a price inside the band: lower at higher sensitivity. */
  scoreThreshold(sensitivity = this.policy.sensitivity): number {
    const { policy } = this;
    return policy.scoreThreshold - (policy.scoreThresholdSwing * (sensitivity - policy.sensitivity)) / HALF_SCALE;
  }

  normalRange(sensitivity = this.policy.sensitivity): { low: number; high: number } {
    const margin = this.margin(sensitivity);
    return { low: roundPrice(Math.exp(this.profile.logLowLevel - margin)), high: roundPrice(Math.exp(this.profile.logHighLevel + margin)) };
  }

  judge(price: number, { sensitivity = this.policy.sensitivity, stale = false }: JudgeOptions = {}): AnomalyVerdict {
    const { anomaly, score, reason, severity, direction } = this.assess(price, sensitivity);
    return {
      anomaly,
      metadata: {
        score,
        threshold: this.scoreThreshold(sensitivity),
        reason,
        normal_range: this.normalRange(sensitivity),
        direction,
        expected: this.expected,
        severity,
        model: { ...this.description(), sensitivity, stale },
      },
    };
  }

  /** The verdict without its explanation: what a report of many past orders needs. */
  assess(price: number, sensitivity = this.policy.sensitivity): PriceAssessment {
    const { profile, policy } = this;
    const score = this.forest.score(price);
    const logPrice = Math.log(price);
    const margin = this.margin(sensitivity);
    const beyond = Math.max(logPrice - profile.logHighLevel, profile.logLowLevel - logPrice, 0);
    const outside = beyond > margin;
    const reason = this.reasonFor(outside);
    const isolated = reason === 'isolation_forest' && score >= this.scoreThreshold(sensitivity)
      && logGapToNearest(profile, price) >= policy.minIsolationGap * (margin / this.defaultMargin);
    const anomaly = outside || isolated;
    return { anomaly, score, reason, severity: severity(beyond, this.defaultMargin), direction: anomaly ? (price > profile.expected ? 'high' : 'low') : null };
  }

  /**
   * Where a price the item has already traded at can be flagged: only below `below` or above
   * `above`. The forest flags a price inside the band only when it is far from every seen price,
   * so among past orders the band alone decides; a report reads just the orders beyond it (with a
   * hair of slack for rounding: `assess` still decides each one).
   */
  seenPricesFlaggedOutside(sensitivity = this.policy.sensitivity): { below: number; above: number } {
    const margin = this.margin(sensitivity);
    return { below: Math.exp(this.profile.logLowLevel - margin) * (1 + 1e-9), above: Math.exp(this.profile.logHighLevel + margin) * (1 - 1e-9) };
  }

  /** The model block of an explanation, without the per-request fields. */
  description() {
    const { forest } = this;
    return { engine: forest.engine, trees: forest.trees, sample_size: forest.sampleSize, trained_on: forest.trainedOn, seed: forest.seed, history_version: this.historyVersion };
  }

  private reasonFor(outside: boolean): AnomalyReason {
    if (this.profile.count < this.policy.minHistory) return 'insufficient_history';
    if (this.profile.constant) return 'constant_history';
    return outside ? 'outside_normal_range' : 'isolation_forest';
  }
}

/**
 * 0 within the levels; 50 at the edge of the default band; halfway to 100 again for every further
 * band width: monotone in how far out the price is, and independent of the sensitivity asked for.
 */
function severity(beyond: number, defaultMargin: number): number {
  return beyond <= 0 ? 0 : Math.round(1000 * (1 - 2 ** (-beyond / defaultMargin))) / 10;
}

/** Bands are shown to people: 4 decimals, like stored prices. */
function roundPrice(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The latest RECENT_ORDERS orders once `rows` are appended: each goes after every order of its day
 * or earlier (it was inserted after them), the oldest fall off.
 */
function withRecentOrders(recent: RecentOrders, rows: readonly HistoryRow[]): RecentOrders {
  const prices = Array.from(recent.prices);
  const days = Array.from(recent.days);
  for (const row of rows) {
    const day = dayNumber(row.ordClosedDt);
    let at = days.length;
    while (at > 0 && days[at - 1] > day) at--;
    prices.splice(at, 0, row.price);
    days.splice(at, 0, day);
  }
  const drop = Math.max(0, prices.length - RECENT_ORDERS);
  return { prices: Float64Array.from(prices.slice(drop)), days: Float64Array.from(days.slice(drop)) };
}

function mergedAscending(a: Float64Array, b: Float64Array): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  let [i, j, k] = [0, 0, 0];
  while (i < a.length && j < b.length) merged[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  merged.set(a.subarray(i), k);
  merged.set(b.subarray(j), k + a.length - i);
  return merged;
}
