import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { BrokerConnection } from './broker-connection.js';
import { ALERT_EXCHANGE, assertTopology } from './topology.js';

/** Publishes alerts to the `price-alerts` topic exchange (routing key `alert.<direction>`), each confirmed by the broker. */
export class AlertPublisher {
  private channel?: ConfirmChannel;

  constructor(private readonly broker: BrokerConnection) {}

  start(): void {
    this.broker.onConnected((connection) => this.open(connection));
  }

  /** Resolves once the broker confirmed the message; rejects when it cannot (the outbox retries). */
  publish(routingKey: string, payload: object, messageId: string): Promise<void> {
    const channel = this.channel;
    if (!channel) return Promise.reject(new Error('broker unavailable'));
    return new Promise((confirmed, failed) => channel.publish(ALERT_EXCHANGE, routingKey, Buffer.from(JSON.stringify(payload)), {
      persistent: true, contentType: 'application/json', messageId,
    }, (error) => (error ? failed(error) : confirmed())));
  }

  private async open(connection: ChannelModel): Promise<void> {
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined);
    channel.once('close', () => this.channel === channel && (this.channel = undefined));
    await assertTopology(channel);
    this.channel = channel;
  }
}
