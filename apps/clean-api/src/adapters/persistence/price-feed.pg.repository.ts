import { Injectable } from '@nestjs/common';
import { PriceAlertsStore, PriceFeedStore } from '#libs/database';
import type { AlertFilter, AlertPage, AlertResolution, JudgedObservation, PriceAlert, RecordedBatch } from '../../domain/price-point.js';
import type { PriceFeed } from '../../use-cases/ingest-prices/price-feed.port.js';
import type { PriceAlerts } from '../../use-cases/resolve-alert/price-alerts.port.js';

/** The feed's ports on the shared stores of libs/database (the MVC app uses the same SQL). */
@Injectable()
export class PriceFeedPgRepository implements PriceFeed, PriceAlerts {
  constructor(
    private readonly feed: PriceFeedStore,
    private readonly alerts: PriceAlertsStore,
  ) {}

  record(batch: readonly JudgedObservation[]): Promise<RecordedBatch> {
    return this.feed.record(batch);
  }

  list(filter: AlertFilter): Promise<AlertPage> {
    return this.alerts.list(filter);
  }

  resolve(alertId: string, resolution: AlertResolution, note: string | null, resolvedBy: string | null): Promise<{ alert: PriceAlert; changed: boolean }> {
    return this.alerts.resolve(alertId, resolution, note, resolvedBy);
  }
}
