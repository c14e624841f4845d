import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AlertPublisher, BrokerConnection, ObservationConsumer } from '#libs/broker';
import { AlertOutboxStore } from '#libs/database';
import type { PriceObservation } from '#libs/price-history';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { AmqpAlertSender } from '../notifications/amqp-alert-sender.js';
import { OutboxRelay } from '../notifications/outbox-relay.js';
import { WebhookSender } from '../notifications/webhook-sender.js';
import { parseObservationMessage } from './parse-observation-message.js';

type Ingest = (observations: PriceObservation[]) => Promise<unknown>;

/**
 * What runs beside HTTP for the price feed: the broker connection (only with AMQP_URL), the
 * observation consumer an app registers, and the outbox relays (webhook, broker). It starts after
 * the app is up and stops in order: consuming first (the batch in flight finishes), then the
 * relays, then the connection.
 */
@Injectable()
export class FeedRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('feed');
  private readonly broker?: BrokerConnection;
  private readonly publisher?: AlertPublisher;
  private consumer?: ObservationConsumer<PriceObservation>;
  private readonly relays: OutboxRelay[] = [];

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    outbox: AlertOutboxStore,
    metrics: ServiceMetrics,
  ) {
    const log = (message: string) => this.logger.warn(message);
    if (config.amqpUrl) {
      this.broker = new BrokerConnection(config.amqpUrl, (message) => this.logger.log(message));
      this.publisher = new AlertPublisher(this.broker);
      this.relays.push(new OutboxRelay(outbox, new AmqpAlertSender(this.publisher), metrics, log));
    }
    if (config.alertWebhookUrl) {
      this.relays.push(new OutboxRelay(outbox, new WebhookSender(config.alertWebhookUrl, config.alertWebhookSecret ?? '', config.webhookTimeoutMs), metrics, log));
    }
  }

  /** True when no broker is configured, or while connected to it. */
  get brokerConnected(): boolean | undefined {
    return this.broker?.connected;
  }

  /** Called by an app's broker entry point (before bootstrap): observations from `price-observations` go to `ingest`. */
  consumeObservations(ingest: Ingest): void {
    if (!this.broker) return;
    this.consumer = new ObservationConsumer(this.broker, {
      prefetch: this.config.amqpPrefetch,
      batchWaitMs: this.config.amqpBatchWaitMs,
      parse: (message) => parseObservationMessage(message.content),
      handle: async (observations) => void (await ingest(observations)),
      log: (message) => this.logger.warn(message),
    });
  }

  onApplicationBootstrap(): void {
    this.publisher?.start();
    this.consumer?.start();
    this.broker?.start();
    for (const relay of this.relays) relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
    await Promise.all(this.relays.map((relay) => relay.stop()));
    await this.broker?.close();
  }
}
