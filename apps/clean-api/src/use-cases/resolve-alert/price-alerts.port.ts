import type { AlertFilter, AlertPage, AlertResolution, PriceAlert } from '../../domain/price-point.js';

export abstract class PriceAlerts {
  /** Newest first; a page and the cursor of the next one. */
  abstract list(filter: AlertFilter): Promise<AlertPage>;
  /** Rejects with AlertNotFoundError, or AlertAlreadyResolvedError for the other resolution. */
  abstract resolve(alertId: string, resolution: AlertResolution, note: string | null, resolvedBy: string | null): Promise<{ alert: PriceAlert; changed: boolean }>;
}
