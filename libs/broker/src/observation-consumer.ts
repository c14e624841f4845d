import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { BrokerConnection } from './broker-connection.js';
import { assertTopology, DEAD_LETTER_QUEUE, OBSERVATION_QUEUE, REJECTION_HEADER } from './topology.js';

/** A message turned into observations, or why it never can be. */
export type ParsedMessage<T> = { observations: T[] } | { rejection: string };

export interface ConsumerOptions<T> {
  /** Messages in flight per process (prefetch): the largest batch. */
  prefetch: number;
  /** How long a batch waits to fill up once its first message arrived. */
  batchWaitMs: number;
  parse(message: ConsumeMessage): ParsedMessage<T>;
  /** Stores a batch all or nothing; a rejection leaves the messages unacknowledged, to be delivered again. */
  handle(observations: T[]): Promise<void>;
  log(message: string): void;
}

const REDELIVERY_PAUSE_MS = 1000;

/**
 * Consumes `price-observations` in batches: valid messages are handed over together and
 * acknowledged only after `handle` committed them; a message that can never be valid goes to
 * `price-observations.dlq` with the reason (published with a confirm, then acknowledged) and never
 * blocks the queue; a failing batch (database gone) is requeued after a pause. Several processes
 * may consume at once. `stop()` cancels the consumer and waits for the batch in flight.
 */
export class ObservationConsumer<T> {
  private channel?: ConfirmChannel;
  private consumerTag?: string;
  private pending: ConsumeMessage[] = [];
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly options: ConsumerOptions<T>,
  ) {}

  start(): void {
    this.broker.onConnected((connection) => this.consume(connection));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.channel && this.consumerTag) await this.channel.cancel(this.consumerTag).catch(() => undefined);
    clearTimeout(this.timer);
    this.flush();
    await this.inFlight;
  }

  private async consume(connection: ChannelModel): Promise<void> {
    if (this.stopping) return;
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined);
    channel.once('close', () => {
      if (this.channel === channel) this.channel = undefined;
      this.pending = []; // unacknowledged: the broker delivers them again
    });
    await assertTopology(channel);
    await channel.prefetch(this.options.prefetch);
    this.channel = channel;
    const { consumerTag } = await channel.consume(OBSERVATION_QUEUE, (message) => message && this.received(message), { noAck: false });
    this.consumerTag = consumerTag;
  }

  private received(message: ConsumeMessage): void {
    this.pending.push(message);
    if (this.pending.length >= this.options.prefetch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.batchWaitMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    const channel = this.channel;
    if (!batch.length || !channel) return;
    this.inFlight = this.inFlight.then(() => this.process(channel, batch));
  }

  private async process(channel: ConfirmChannel, batch: ConsumeMessage[]): Promise<void> {
    const valid: ConsumeMessage[] = [];
    const observations: T[] = [];
    for (const message of batch) {
      const parsed = this.options.parse(message);
      if ('rejection' in parsed) await this.deadLetter(channel, message, parsed.rejection);
      else {
        valid.push(message);
        observations.push(...parsed.observations);
      }
    }
    if (!valid.length) return;
    try {
      await this.options.handle(observations);
      for (const message of valid) channel.ack(message);
    } catch (error) {
      this.options.log(`batch of ${valid.length} messages not stored (${error instanceof Error ? error.message : String(error)}); redelivering`);
      await new Promise((pause) => setTimeout(pause, REDELIVERY_PAUSE_MS));
      for (const message of valid) channel.nack(message, false, true);
    }
  }

  private async deadLetter(channel: ConfirmChannel, message: ConsumeMessage, reason: string): Promise<void> {
    try {
      await new Promise<void>((confirmed, failed) => channel.sendToQueue(DEAD_LETTER_QUEUE, message.content, {
        persistent: true, contentType: message.properties.contentType, headers: { ...message.properties.headers, [REJECTION_HEADER]: reason.slice(0, 500) },
      }, (error) => (error ? failed(error) : confirmed())));
      channel.ack(message);
    } catch {
      channel.nack(message, false, true); // the DLQ could not take it: try again later
    }
  }
}
