import { Injectable } from '@nestjs/common';
import { IsolationForest } from '../../../../../libs/isolation-forest/src/index.js';
import type { AnomalyVerdict } from '../../domain/anomaly-verdict.js';
import type { AnomalyModel, AnomalyModels } from '../../use-cases/detect-price-anomaly/anomaly-models.port.js';
import type { VersionedPrices } from '../../use-cases/detect-price-anomaly/item-prices.port.js';

/** Plain score rule: a price whose isolation score reaches this is called anomalous. */
export const SCORE_THRESHOLD = 0.65;
const SEED = 42;

/** Trains a seeded isolation forest on the item's prices for each request, no cache yet. */
@Injectable()
export class IsolationForestAnomalyModels implements AnomalyModels {
  async modelFor(_itemId: string, _version: string, loadPrices: () => Promise<VersionedPrices | null>): Promise<AnomalyModel | null> {
    const history = await loadPrices();
    if (!history) return null;
    const forest = IsolationForest.fit(history.prices, { seed: SEED });
    let low = Infinity;
    let high = -Infinity;
    for (const price of history.prices) {
      low = Math.min(low, price);
      high = Math.max(high, price);
    }
    return {
      judge: (price: number): AnomalyVerdict => {
        const score = forest.score(price);
        const anomaly = score >= SCORE_THRESHOLD;
        return {
          anomaly,
          metadata: {
            score,
            threshold: SCORE_THRESHOLD,
            reason: 'isolation_forest',
            normal_range: { low, high },
            direction: anomaly ? (price >= (low + high) / 2 ? 'high' : 'low') : null,
            model: {
              engine: 'isolation-forest',
              trees: forest.trees,
              sample_size: forest.sampleSize,
              trained_on: forest.trainedOn,
              seed: SEED,
              history_version: history.version,
            },
          },
        };
      },
    };
  }
}
