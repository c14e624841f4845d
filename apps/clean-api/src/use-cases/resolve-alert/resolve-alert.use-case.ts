import { Injectable } from '@nestjs/common';
import type { AlertResolution, PriceAlert } from '../../domain/price-point.js';
import { PriceAlerts } from './price-alerts.port.js';

/**
 * A person decides: `dismissed` (a false alarm) puts the price into the history, so the model
 * learns it; `confirmed` keeps it out for good. Decided once; the same decision again is a no-op.
 */
@Injectable()
export class ResolveAlertUseCase {
  constructor(private readonly alerts: PriceAlerts) {}

  async execute(alertId: string, resolution: AlertResolution, note: string | null, resolvedBy: string | null): Promise<PriceAlert> {
    return (await this.alerts.resolve(alertId, resolution, note, resolvedBy)).alert;
  }
}
