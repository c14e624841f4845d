import type { AlertPage, ObservationOutcome, PriceAlert } from '#libs/price-history';

/** `POST /prices` body: counts, then one result per observation in request order. */
export function postPricesResponse(outcomes: readonly ObservationOutcome[]) {
  const fresh = outcomes.filter((outcome) => !outcome.duplicate);
  return {
    received: outcomes.length,
    stored: fresh.filter((outcome) => outcome.stored).length,
    alerts: fresh.filter((outcome) => outcome.alertId !== null).length,
    duplicates: outcomes.length - fresh.length,
    results: outcomes.map((outcome) => ({
      observation_id: outcome.observationId,
      item_id: outcome.itemId,
      anomaly: outcome.anomaly,
      stored: outcome.stored,
      alert_id: outcome.alertId,
      duplicate: outcome.duplicate,
      metadata: outcome.metadata,
    })),
  };
}

export function alertJson(alert: PriceAlert) {
  return {
    alert_id: alert.alertId,
    observation_id: alert.observationId,
    item_id: alert.itemId,
    ord_closed_dt: alert.ordClosedDt,
    price: alert.price,
    status: alert.status,
    created_at: alert.createdAt,
    resolved_at: alert.resolvedAt,
    resolved_by: alert.resolvedBy,
    resolution_note: alert.resolutionNote,
    metadata: alert.metadata,
  };
}

export function alertPageResponse(page: AlertPage) {
  return { alerts: page.alerts.map(alertJson), next_cursor: page.nextCursor };
}
