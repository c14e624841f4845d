import { ServiceError } from './service-error.js';

export class AlertNotFoundError extends ServiceError {
  readonly code = 'ALERT_NOT_FOUND';

  constructor(alertId: string) {
    super(`No alert ${alertId}`, { alert_id: alertId });
  }
}

/** A second, different resolution of an alert: the first one stands. */
export class AlertAlreadyResolvedError extends ServiceError {
  readonly code = 'ALERT_ALREADY_RESOLVED';

  constructor(alertId: string, status: string) {
    super(`Alert ${alertId} was already resolved as ${status}`, { alert_id: alertId, status });
  }
}
