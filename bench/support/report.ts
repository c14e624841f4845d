import { cpus, totalmem } from 'node:os';
import type { MemoryUse } from './clean-api-process.js';
import type { LoadResult } from './load-test.js';
import type { HistoryDownload, SampleSummary } from './phases.js';
import type { SeededItem } from './seeded-items.js';

export interface BenchResults {
  database: string;
  seconds: number;
  connections: number;
  items: number;
  health: LoadResult;
  warm: LoadResult;
  /** The same warm load on WORKERS=2. */
  warmTwoWorkers: LoadResult;
  batch: LoadResult;
  batchEntries: number;
  coldBig: SampleSummary & { item: SeededItem };
  coldTypical: SampleSummary & { item: SeededItem };
  history: HistoryDownload & { item: string };
  memory: MemoryUse;
}

/** The targets of the brief; each is judged on the figure printed in the same row. */
const TARGETS = {
  warmRatio: 0.6,
  warmP99Ms: 20,
  coldBigMs: 60,
  coldTypicalMs: 10,
};

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

export function renderReport(results: BenchResults): string {
  const { health, warm, warmTwoWorkers, batch, batchEntries, coldBig, coldTypical, history, memory } = results;
  const entriesPerSecond = batch.requestsPerSecond * batchEntries;
  const batchRatio = warm.requestsPerSecond > 0 ? entriesPerSecond / warm.requestsPerSecond : 0;
  const ratio = health.requestsPerSecond > 0 ? warm.requestsPerSecond / health.requestsPerSecond : 0;
  const cpuList = cpus();
  const rows: string[][] = [
    ['a. `GET /health/live` throughput', perSecond(health.requestsPerSecond), '', ''],
    ['a. `GET /health/live` latency p50 / p99', `${health.p50Ms} / ${health.p99Ms} ms`, '', ''],
    ['b. warm `POST /detectAnomaly` throughput', perSecond(warm.requestsPerSecond), '', ''],
    ['b. warm detect / health throughput', `${(ratio * 100).toFixed(1)} %`, `>= ${TARGETS.warmRatio * 100} %`, verdict(ratio >= TARGETS.warmRatio)],
    ['b. warm detect latency p50', `${warm.p50Ms} ms`, '', ''],
    ['b. warm detect latency p99', `${warm.p99Ms} ms`, `<= ${TARGETS.warmP99Ms} ms`, verdict(warm.p99Ms <= TARGETS.warmP99Ms)],
    ['b. warm detect non-2xx / connection errors', `${warm.non2xx} / ${warm.errors} (of ${warm.total})`, '0', verdict(warm.non2xx === 0 && warm.errors === 0)],
    ['b3. warm `POST /detectAnomaly`, 1 worker / WORKERS=2 (same load, same machine)', `${perSecond(warm.requestsPerSecond)} / ${perSecond(warmTwoWorkers.requestsPerSecond)} (p99 ${warm.p99Ms} / ${warmTwoWorkers.p99Ms} ms, non-2xx ${warmTwoWorkers.non2xx})`, '', ''],
    [`b2. warm \`POST /detectAnomaly/batch\` (${batchEntries} entries, 4 connections)`, `${Math.round(entriesPerSecond).toLocaleString('en-US')} entries/s`, '', ''],
    ['b2. batch entries/s / single-route req/s', `${batchRatio.toFixed(1)}x`, '', ''],
    ['b2. batch latency p50 / p99, non-2xx / errors', `${batch.p50Ms} / ${batch.p99Ms} ms, ${batch.non2xx} / ${batch.errors}`, '0 / 0', verdict(batch.non2xx === 0 && batch.errors === 0)],
    [`c. cold detect, ${coldBig.item.itemId} (${coldBig.item.rows} rows), median`, ms(coldBig.medianMs), `<= ${TARGETS.coldBigMs} ms`, verdict(coldBig.medianMs <= TARGETS.coldBigMs)],
    [`c. cold detect, ${coldBig.item.itemId}, p95 (n=${coldBig.samples})`, ms(coldBig.p95Ms), '', ''],
    [`c. cold detect, ${coldTypical.item.itemId} (${coldTypical.item.rows} rows), median`, ms(coldTypical.medianMs), `<= ${TARGETS.coldTypicalMs} ms`, verdict(coldTypical.medianMs <= TARGETS.coldTypicalMs)],
    [`c. cold detect, ${coldTypical.item.itemId}, p95 (n=${coldTypical.samples})`, ms(coldTypical.p95Ms), '', ''],
    [`d. \`GET /historicalPricingByIdItem/${history.item}\` full body, median (n=${history.samples})`, ms(history.medianMs), '', ''],
    ['d. body size', `${history.bytes.toLocaleString('en-US')} bytes (${mib(history.bytes)})`, '', ''],
    ['e. server peak RSS (VmHWM)', mib(memory.peakRssBytes), '', ''],
    ['e. server RSS at the end (VmRSS)', mib(memory.currentRssBytes), '', ''],
  ];
  return [
    `Machine: ${cpuList[0]?.model ?? 'unknown CPU'} x ${cpuList.length}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`,
    `Database: ${results.database}; ${results.items} items. Load: autocannon, ${results.connections} connections, ${results.seconds} s per phase, client in the same machine.`,
    '',
    '| measurement | figure | target | result |',
    '| --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}
