import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AlertOutboxStore, type OutboxEntry } from '#libs/database';
import { webhookSignature } from '#libs/http-contract';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';

const BATCH = 20;
/** A delivery not confirmed within this many request timeouts (process gone) is handed out again. */
const LEASE_TIMEOUTS = 3;
const IDLE_POLL_MS = 500;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 5 * 60_000;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s ... capped at 5 min. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  return Math.round(random() * Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1)));
}

/**
 * Delivers new alerts to ALERT_WEBHOOK_URL from the outbox, at least once: signed, each request
 * bounded by WEBHOOK_TIMEOUT_MS (a hanging receiver never blocks ingest, which only writes rows),
 * retried with exponential backoff, surviving restarts and kill -9 (the rows are the state).
 */
@Injectable()
export class WebhookNotifier implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookNotifier.name);
  private running = false;
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly outbox: AlertOutboxStore,
    private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.alertWebhookUrl) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stop claiming; let the delivery in flight finish (its lease covers it if the process dies first). */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.deliverBatch().then((claimed) => this.schedule(claimed === BATCH ? 0 : IDLE_POLL_MS), (error: unknown) => {
        this.logger.warn(`outbox: ${error instanceof Error ? error.message : String(error)}`);
        this.schedule(IDLE_POLL_MS * 4);
      });
    }, delayMs);
  }

  private async deliverBatch(): Promise<number> {
    const entries = await this.outbox.claim(BATCH, LEASE_TIMEOUTS * this.config.webhookTimeoutMs);
    await Promise.all(entries.map((entry) => this.deliver(entry)));
    return entries.length;
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const body = JSON.stringify(entry.payload);
    try {
      const response = await fetch(this.config.alertWebhookUrl!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': webhookSignature(body, this.config.alertWebhookSecret ?? ''),
          'x-alert-id': entry.alertId,
          'x-delivery-attempt': String(entry.attempt),
        },
        body,
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`receiver answered ${response.status}`);
      await this.outbox.delivered(entry.id);
      this.metrics.webhookDeliveries.inc({ outcome: 'delivered' });
    } catch (error) {
      this.metrics.webhookDeliveries.inc({ outcome: 'failed' });
      await this.outbox.failed(entry.id, retryDelayMs(entry.attempt), error instanceof Error ? error.message : String(error));
    }
  }
}
