import { Injectable } from '@nestjs/common';
import { judgeMany } from '#libs/anomaly-detection';
import type { ObservationOutcome, PriceObservation } from '../../domain/price-point.js';
import { AnomalyModels } from '../detect-price-anomaly/anomaly-models.port.js';
import { ItemPrices } from '../detect-price-anomaly/item-prices.port.js';
import { PriceFeed } from './price-feed.port.js';

/**
 * New order prices: each judged against its item's model as the history stood before the batch,
 * then normal ones join the history and anomalous ones wait for a person, all or nothing. The
 * models then grow by what the batch appended, so the next batch finds them current.
 */
@Injectable()
export class IngestPricesUseCase {
  constructor(
    private readonly itemPrices: ItemPrices,
    private readonly models: AnomalyModels,
    private readonly feed: PriceFeed,
  ) {}

  async execute(observations: readonly PriceObservation[]): Promise<ObservationOutcome[]> {
    const verdicts = await judgeMany(observations, this.itemPrices, this.models);
    const { outcomes, appends } = await this.feed.record(observations.map((observation, index) => ({ ...observation, verdict: verdicts[index] })));
    this.models.learn(appends);
    return outcomes;
  }
}
