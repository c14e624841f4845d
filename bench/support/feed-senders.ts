import amqp from 'amqplib';
import { chunks, type Observation } from './observations.js';

/** Waits until `sent` observations are due at `rate` per second since `started` (no wait without a rate). */
async function pace(started: number, sent: number, rate?: number): Promise<void> {
  const due = rate ? started + (sent / rate) * 1000 : 0;
  if (due > performance.now()) await new Promise((wait) => setTimeout(wait, due - performance.now()));
}

/** POSTs observations to /prices in batches, `concurrency` requests at a time (at `rate` per second when given); returns each request's latency. */
export async function sendOverHttp(baseUrl: string, all: Iterable<Observation>, batchSize: number, concurrency: number, rate?: number): Promise<number[]> {
  const batches = chunks(all, batchSize);
  const latencies: number[] = [];
  const began = performance.now();
  let sent = 0;
  const worker = async () => {
    for (let next = batches.next(); !next.done; next = batches.next()) {
      await pace(began, sent, rate);
      sent += next.value.length;
      const started = performance.now();
      const response = await fetch(`${baseUrl}/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ observations: next.value }) });
      if (response.status !== 200) throw new Error(`POST /prices answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

/** Publishes observations to price-observations, `perMessage` to a message (at `rate` per second when given), with publisher confirms. */
export async function sendOverAmqp(url: string, all: Iterable<Observation>, perMessage: number, rate?: number): Promise<number> {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    let messages = 0;
    const started = performance.now();
    for (const batch of chunks(all, perMessage)) {
      await pace(started, messages * perMessage, rate);
      const body = Buffer.from(JSON.stringify(perMessage === 1 ? batch[0] : { observations: batch }));
      if (!channel.sendToQueue('price-observations', body, { persistent: true, contentType: 'application/json' })) await new Promise((drained) => channel.once('drain', drained));
      messages++;
      if (messages % 200 === 0) await channel.waitForConfirms();
    }
    await channel.waitForConfirms();
    return messages;
  } finally {
    await connection.close();
  }
}
