import type { Channel } from 'amqplib';

export const OBSERVATION_QUEUE = 'price-observations';
export const DEAD_LETTER_QUEUE = 'price-observations.dlq';
export const ALERT_EXCHANGE = 'price-alerts';
/** The header a dead-lettered message carries: why it can never be valid. */
export const REJECTION_HEADER = 'x-rejection-reason';

/** Declared by every process at connect (idempotent): durable quorum queues, a durable topic exchange. */
export async function assertTopology(channel: Channel): Promise<void> {
  await channel.assertQueue(DEAD_LETTER_QUEUE, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(OBSERVATION_QUEUE, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertExchange(ALERT_EXCHANGE, 'topic', { durable: true });
}
