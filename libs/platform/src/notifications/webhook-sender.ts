import type { OutboxEntry } from '#libs/database';
import { webhookSignature } from '#libs/http-contract';
import type { AlertSender } from './outbox-relay.js';

/** POSTs an alert to ALERT_WEBHOOK_URL, signed; any answer but 2xx, or none in time, is a failure to retry. */
export class WebhookSender implements AlertSender {
  readonly destination = 'webhook';

  constructor(
    private readonly url: string,
    private readonly secret: string,
    readonly timeoutMs: number,
  ) {}

  async send(entry: OutboxEntry): Promise<void> {
    const body = JSON.stringify(entry.payload);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': webhookSignature(body, this.secret),
        'x-alert-id': entry.alertId,
        'x-delivery-attempt': String(entry.attempt),
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`receiver answered ${response.status}`);
  }
}
