import { Injectable } from '@nestjs/common';
import { judgeMany, PriceModelRegistry } from '#libs/anomaly-detection';
import { ItemPricesReader, PriceAlertsStore, PriceFeedStore } from '#libs/database';
import type { AlertFilter, AlertPage, AlertResolution, ObservationOutcome, PriceAlert, PriceObservation } from '#libs/price-history';

/** New order prices in (judged against the committed models, then stored or held as alerts), and the alerts' review. */
@Injectable()
export class PriceFeedService {
  constructor(
    private readonly itemPrices: ItemPricesReader,
    private readonly models: PriceModelRegistry,
    private readonly feed: PriceFeedStore,
    private readonly alerts: PriceAlertsStore,
  ) {}

  async ingest(observations: readonly PriceObservation[]): Promise<ObservationOutcome[]> {
    const verdicts = await judgeMany(observations, this.itemPrices, this.models);
    const { outcomes, appends } = await this.feed.record(observations.map((observation, index) => ({ ...observation, verdict: verdicts[index] })));
    // The batch's own appends grow the models it judged with, so the next batch needs no training.
    this.models.learn(appends);
    return outcomes;
  }

  listAlerts(filter: AlertFilter): Promise<AlertPage> {
    return this.alerts.list(filter);
  }

  async resolveAlert(alertId: string, resolution: AlertResolution, note: string | null, resolvedBy: string | null): Promise<PriceAlert> {
    return (await this.alerts.resolve(alertId, resolution, note, resolvedBy)).alert;
  }
}
