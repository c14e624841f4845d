import type { AlertPublisher } from '#libs/broker';
import type { OutboxEntry } from '#libs/database';
import type { AlertSender } from './outbox-relay.js';

/** Publishes an alert to the `price-alerts` exchange as `alert.<direction>`, confirmed by the broker. */
export class AmqpAlertSender implements AlertSender {
  readonly destination = 'amqp';
  readonly timeoutMs = 5_000;

  constructor(private readonly publisher: AlertPublisher) {}

  async send(entry: OutboxEntry): Promise<void> {
    const direction = (entry.payload as { metadata?: { direction?: string } }).metadata?.direction ?? 'unknown';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, failed) => (timer = setTimeout(() => failed(new Error('no broker confirm in time')), this.timeoutMs)));
    try {
      await Promise.race([this.publisher.publish(`alert.${direction}`, entry.payload, entry.alertId), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
