/**
 * `npm run bench:detect`: one bounded, loopback-only measurement of the clean-api as a real
 * process (see bench/README.md). Progress goes to stderr, the results table to stdout. It exits 0
 * whatever the figures are (a measurement, not a test), 1 only when the benchmark itself failed.
 */
import { constants } from 'node:os';
import { BIG_ITEM_ID, benchConfigFromEnv } from './support/bench-config.js';
import { openBenchDatabase, type BenchDatabase } from './support/bench-database.js';
import { CleanApiProcess } from './support/clean-api-process.js';
import { HttpClient } from './support/http-client.js';
import {
  BATCH_ENTRIES, measureColdDetect, measureHealthCeiling, measureHistoryDownload, measureWarmBatch, measureWarmDetect, warmEveryItem,
} from './support/phases.js';
import { renderReport } from './support/report.js';
import { seededItems, typicalItem } from './support/seeded-items.js';

const config = benchConfigFromEnv();
const log = (line: string) => console.error(`[bench] ${line}`);

let database: BenchDatabase | undefined;
let app: CleanApiProcess | undefined;
let client: HttpClient | undefined;
let cleaning: Promise<void> | undefined;

// The app first (it holds database connections), then the database we may have started.
const cleanUp = () => (cleaning ??= (async () => {
  client?.close();
  await app?.stop();
  await database?.close();
})());

// Last resort if the bench dies without cleaning up: never leave the app process behind.
process.once('exit', () => app?.killNow());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(128 + constants.signals[signal]));
  });
}

try {
  database = await openBenchDatabase(log);
  const items = await seededItems(database.dataSource);
  const big = items.find((item) => item.itemId === BIG_ITEM_ID);
  if (!big) throw new Error(`${BIG_ITEM_ID} is not in the database; the bench needs the seed data`);
  const typical = typicalItem(items);

  app = await CleanApiProcess.start(database.url);
  client = new HttpClient(app.baseUrl, config.requestTimeoutMs);
  log(`clean-api (pid ${app.pid}) live in ${await app.waitUntilLive(client, config.startTimeoutMs)} ms on ${app.baseUrl}`);

  log(`a. GET /health/live, ${config.connections} connections, ${config.loadSeconds} s`);
  const health = await measureHealthCeiling(app.baseUrl, config);
  log(`b. warming ${items.length} items, then POST /detectAnomaly for ${config.loadSeconds} s`);
  await warmEveryItem(client, items);
  const warm = await measureWarmDetect(app.baseUrl, items, config);
  log(`b2. POST /detectAnomaly/batch of ${BATCH_ENTRIES} entries for ${config.loadSeconds} s`);
  const batch = await measureWarmBatch(app.baseUrl, items, config);
  log(`c. cold detections: ${big.itemId} (${big.rows} rows), ${typical.itemId} (${typical.rows} rows), ${config.coldRepeats} each`);
  const coldBig = await measureColdDetect(client, database.dataSource, big, config.coldRepeats);
  const coldTypical = await measureColdDetect(client, database.dataSource, typical, config.coldRepeats);
  log(`d. full history of ${big.itemId}, ${config.historyRepeats} times`);
  const history = await measureHistoryDownload(client, big.itemId, config.historyRepeats);
  const memory = await app.memoryUse();

  // The same warm load on WORKERS=2 (one process per core here), after the single process has stopped.
  await app.stop();
  app = await CleanApiProcess.start(database.url, { WORKERS: '2' });
  client = new HttpClient(app.baseUrl, config.requestTimeoutMs);
  await app.waitUntilLive(client, config.startTimeoutMs);
  log(`b3. WORKERS=2: warming, then POST /detectAnomaly for ${config.loadSeconds} s`);
  // Each worker has its own models: warm both (connections are spread over the workers).
  await Promise.all([warmEveryItem(client, items), warmEveryItem(new HttpClient(app.baseUrl, config.requestTimeoutMs), items)]);
  await measureWarmDetect(app.baseUrl, items, { ...config, loadSeconds: 2 });
  const warmTwoWorkers = await measureWarmDetect(app.baseUrl, items, config);

  console.log(renderReport({
    database: database.description,
    seconds: config.loadSeconds,
    connections: config.connections,
    items: items.length,
    health,
    warm,
    warmTwoWorkers,
    batch,
    batchEntries: BATCH_ENTRIES,
    coldBig: { ...coldBig, item: big },
    coldTypical: { ...coldTypical, item: typical },
    history: { ...history, item: big.itemId },
    memory,
  }));
} catch (error) {
  log(`benchmark failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  if (app) log(`clean-api output:\n${app.recentOutput()}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
