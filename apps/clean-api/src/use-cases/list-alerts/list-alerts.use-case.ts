import { Injectable } from '@nestjs/common';
import type { AlertFilter, AlertPage } from '../../domain/price-point.js';
import { PriceAlerts } from '../resolve-alert/price-alerts.port.js';

/** The review inbox: newest first, by status and item, a page at a time. */
@Injectable()
export class ListAlertsUseCase {
  constructor(private readonly alerts: PriceAlerts) {}

  execute(filter: AlertFilter): Promise<AlertPage> {
    return this.alerts.list(filter);
  }
}
