import type { AnomalyEngine } from '../engines/anomaly-engine.js';
import { DEFAULT_DETECTION_POLICY, type DetectionPolicy } from '../policy/detection-policy.js';
import { PriceAnomalyModel } from '../policy/price-anomaly-model.js';
import pLimit from 'p-limit';
import { LruCache, type LruLimits, type LruStats } from './lru-cache.js';
import type { HistoryAppend, VersionedPrices } from '#libs/price-history';


export interface RegistryStats extends LruStats {
  hits: number;
  misses: number;
  trainings: number;
  trainingMillis: number;
  /** Models grown by committed appends into the next version's model, instead of trained again. */
  growths: number;
  growthMillis: number;
}

export const DEFAULT_CACHE_LIMITS: LruLimits = { maxEntries: 10_000, maxBytes: 256 * 1024 * 1024 };
/**
 * Cold models read their item's prices at most this many at a time: a batch touching hundreds of
 * changed items would otherwise take every database connection at once and starve everything else.
 */
export const CONCURRENT_PRICE_LOADS = 4;

/**
 * Trained models per item, cached while the item's history version stays the same. A model is
 * served only for the exact version it was trained on, so a change by any process (seen as a new
 * version) retrains it, unless this process made the change itself and grew the model with it
 * (`learn`). Concurrent cold requests for one item share a single training.
 */
export class PriceModelRegistry {
  private readonly cache: LruCache<string, PriceAnomalyModel>;
  private readonly pending = new Map<string, Promise<PriceAnomalyModel | null>>();
  private counters = { hits: 0, misses: 0, trainings: 0, trainingMillis: 0, growths: 0, growthMillis: 0 };
  private readonly loads = pLimit(CONCURRENT_PRICE_LOADS);

  constructor(
    private readonly engine: AnomalyEngine,
    limits: LruLimits = DEFAULT_CACHE_LIMITS,
    private readonly policy: DetectionPolicy = DEFAULT_DETECTION_POLICY,
  ) {
    this.cache = new LruCache(limits);
  }

  /** The model for `itemId` at `version`; `loadPrices` runs only on a miss. `null`: no history. */
  async modelFor(itemId: string, version: string, loadPrices: () => Promise<VersionedPrices | null>): Promise<PriceAnomalyModel | null> {
    const cached = this.cache.get(itemId);
    if (cached?.historyVersion === version) {
      this.counters.hits++;
      return cached;
    }
    this.counters.misses++;
    const key = `${itemId}@${version}`;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const training = this.train(itemId, loadPrices).finally(() => this.pending.delete(key));
    this.pending.set(key, training);
    return training;
  }

  /**
   * After appends committed by this process: the cached model of each append's `fromVersion`
   * (confirmed under lock as the version just before the append) grows by its rows into the model
   * of `toVersion`, so the next verdict needs no price read and no training. A model of any other
   * version is left alone: it will not be served for `toVersion`, which is trained afresh if asked for.
   */
  learn(appends: readonly HistoryAppend[]): void {
    for (const { itemId, fromVersion, toVersion, rows } of appends) {
      const cached = this.cache.get(itemId);
      if (cached?.historyVersion !== fromVersion || rows.length === 0) continue;
      const started = performance.now();
      const grown = cached.grow(rows, toVersion);
      if (!grown) continue;
      this.counters.growths++;
      this.counters.growthMillis += performance.now() - started;
      this.cache.set(itemId, grown);
    }
  }

  stats(): RegistryStats {
    return { ...this.counters, ...this.cache.stats() };
  }

  private async train(itemId: string, loadPrices: () => Promise<VersionedPrices | null>): Promise<PriceAnomalyModel | null> {
    const history = await this.loads(loadPrices);
    if (!history) return null;
    const started = performance.now();
    // Keyed by the version the prices were read at, which may be newer than the one asked for;
    // a model stored out of order is only ever served for its own version, so it costs a retrain at most.
    const model = PriceAnomalyModel.train(history.prices, history.version, this.engine, this.policy, history.recent, history.recentDays);
    this.counters.trainings++;
    this.counters.trainingMillis += performance.now() - started;
    this.cache.set(itemId, model);
    return model;
  }
}
