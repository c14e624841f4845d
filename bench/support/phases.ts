import type { DataSource } from 'typeorm';
import type { BenchConfig } from './bench-config.js';
import { expectStatus, type HttpClient } from './http-client.js';
import { runLoad, type LoadResult } from './load-test.js';
import { bumpHistoryVersion, type SeededItem } from './seeded-items.js';
import { median, percentile } from './stats.js';

export interface SampleSummary {
  medianMs: number;
  p95Ms: number;
  samples: number;
}

export interface HistoryDownload {
  medianMs: number;
  bytes: number;
  samples: number;
}

const detectPayload = (item: SeededItem) => ({ item_id: item.itemId, price: item.medianPrice });

/** (a) The cheapest route through the same framework stack: the ceiling detection is compared with. */
export function measureHealthCeiling(baseUrl: string, config: BenchConfig): Promise<LoadResult> {
  return runLoad({ url: `${baseUrl}/health/live`, connections: config.connections, seconds: config.loadSeconds });
}

/** One detection per item, one at a time, so the load phase starts with every model built. */
export async function warmEveryItem(client: HttpClient, items: readonly SeededItem[]): Promise<void> {
  for (const item of items) {
    expectStatus(await client.postJson('/detectAnomaly', detectPayload(item)), 200, `warming ${item.itemId}`);
  }
}

/** (b) Steady-state detection over every item in turn, at a price near each item's median. */
export function measureWarmDetect(baseUrl: string, items: readonly SeededItem[], config: BenchConfig): Promise<LoadResult> {
  return runLoad({
    url: `${baseUrl}/detectAnomaly`,
    method: 'POST',
    connections: config.connections,
    seconds: config.loadSeconds,
    jsonBodies: items.map((item) => JSON.stringify(detectPayload(item))),
  });
}

/** Entries per batch request: a price list of realistic size. */
export const BATCH_ENTRIES = 1000;

/** (b2) Warm batches of BATCH_ENTRIES prices spread over every item; fewer connections, as each request is large. */
export function measureWarmBatch(baseUrl: string, items: readonly SeededItem[], config: BenchConfig): Promise<LoadResult> {
  const bodies = Array.from({ length: 8 }, (_, offset) => JSON.stringify({
    prices: Array.from({ length: BATCH_ENTRIES }, (_, i) => detectPayload(items[(offset * 37 + i) % items.length])),
  }));
  return runLoad({ url: `${baseUrl}/detectAnomaly/batch`, method: 'POST', connections: 4, seconds: config.loadSeconds, jsonBodies: bodies });
}

/** (c) A fresh history version before every request: each timed detection has to build its model. */
export async function measureColdDetect(
  client: HttpClient, dataSource: DataSource, item: SeededItem, repeats: number,
): Promise<SampleSummary> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await bumpHistoryVersion(dataSource, item.itemId);
    const response = await client.postJson('/detectAnomaly', detectPayload(item));
    samples.push(expectStatus(response, 200, `cold detection of ${item.itemId}`).elapsedMs);
  }
  return { medianMs: median(samples), p95Ms: percentile(samples, 95), samples: samples.length };
}

/** (d) The whole history of one item, to the last byte of the streamed JSON array. */
export async function measureHistoryDownload(client: HttpClient, itemId: string, repeats: number): Promise<HistoryDownload> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const response = expectStatus(await client.get(`/historicalPricingByIdItem/${itemId}`), 200, `history of ${itemId}`);
    samples.push(response.elapsedMs);
    bytes = response.body.length;
  }
  return { medianMs: median(samples), bytes, samples: samples.length };
}
