import { AlertAlreadyResolvedError, AlertNotFoundError } from '../../domain/errors.js';
import type { AlertFilter, AlertPage, AlertResolution, HistoryAppend, JudgedObservation, ObservationOutcome, PriceAlert, PricePoint, RecordedBatch } from '../../domain/price-point.js';
import type { PriceFeed } from '../ingest-prices/price-feed.port.js';
import type { PriceAlerts } from '../resolve-alert/price-alerts.port.js';
import type { InMemoryPriceHistory } from './in-memory-price-history.js';

/** In-memory fakes of the feed's ports, writing normal prices into an in-memory history. */
export class InMemoryPriceFeed implements PriceFeed, PriceAlerts {
  readonly outcomes = new Map<string, ObservationOutcome>();
  readonly alerts: PriceAlert[] = [];

  constructor(private readonly history: InMemoryPriceHistory) {}

  async record(batch: readonly JudgedObservation[]): Promise<RecordedBatch> {
    const stored: PricePoint[] = [];
    const results = batch.map((observation) => {
      const earlier = this.outcomes.get(observation.observationId);
      if (earlier) return { ...earlier, duplicate: true };
      const anomaly = observation.verdict?.anomaly ?? false;
      const alertId = anomaly ? `alert-${this.alerts.length + 1}` : null;
      const outcome = { observationId: observation.observationId, itemId: observation.itemId, anomaly, stored: !anomaly, alertId, metadata: observation.verdict?.metadata ?? { reason: 'no_history' }, duplicate: false };
      this.outcomes.set(observation.observationId, outcome);
      if (anomaly) {
        this.alerts.push({ alertId: alertId!, observationId: observation.observationId, itemId: observation.itemId, ordClosedDt: observation.ordClosedDt, price: observation.price,
          status: 'open', createdAt: new Date().toISOString(), resolvedAt: null, resolvedBy: null, resolutionNote: null, metadata: outcome.metadata });
      } else stored.push({ itemId: observation.itemId, ordClosedDt: observation.ordClosedDt, price: observation.price });
      return outcome;
    });
    const items = [...new Set(stored.map((point) => point.itemId))];
    const before = await Promise.all(items.map((itemId) => this.history.versionOf(itemId)));
    if (stored.length) this.history.add(...stored);
    const appends: HistoryAppend[] = [];
    for (const [index, itemId] of items.entries()) {
      const after = await this.history.versionOf(itemId);
      if (before[index]) appends.push({ itemId, fromVersion: before[index].version, toVersion: after!.version, rows: stored.filter((point) => point.itemId === itemId) });
    }
    return { outcomes: results, appends };
  }

  async list({ status, itemId, limit }: AlertFilter): Promise<AlertPage> {
    const matching = [...this.alerts].reverse().filter((alert) => (!status || alert.status === status) && (!itemId || alert.itemId === itemId));
    return { alerts: matching.slice(0, limit), nextCursor: null };
  }

  async resolve(alertId: string, resolution: AlertResolution, note: string | null, resolvedBy: string | null): Promise<{ alert: PriceAlert; changed: boolean }> {
    const alert = this.alerts.find((candidate) => candidate.alertId === alertId);
    if (!alert) throw new AlertNotFoundError(alertId);
    if (alert.status === resolution) return { alert, changed: false };
    if (alert.status !== 'open') throw new AlertAlreadyResolvedError(alertId, alert.status);
    Object.assign(alert, { status: resolution, resolvedAt: new Date().toISOString(), resolvedBy, resolutionNote: note });
    if (resolution === 'dismissed') this.history.add({ itemId: alert.itemId, ordClosedDt: alert.ordClosedDt, price: alert.price });
    return { alert, changed: true };
  }
}
