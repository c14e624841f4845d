/**
 * `npm run bench:feed`: the price feed end to end on this machine (see bench/README.md): a
 * clean-api process on a throwaway seeded PostgreSQL and the machine's RabbitMQ (a vhost of its
 * own), fed by the load generator's observations. Bounded by counts; prints each figure beside its target.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { openBenchDatabase, type BenchDatabase } from './support/bench-database.js';
import { CleanApiProcess } from './support/clean-api-process.js';
import { sendOverAmqp, sendOverHttp } from './support/feed-senders.js';
import { HttpClient } from './support/http-client.js';
import { observations, seedFileItems } from './support/observations.js';
import { percentile } from './support/stats.js';

const run = promisify(execFile);
const log = (line: string) => console.error(`[bench:feed] ${line}`);
const HTTP_OBSERVATIONS = Number(process.env.BENCH_FEED_HTTP ?? 100_000);
const AMQP_OBSERVATIONS = Number(process.env.BENCH_FEED_AMQP ?? 100_000);
const KILL_OBSERVATIONS = Number(process.env.BENCH_FEED_KILL ?? 30_000);
const PACED_SECONDS = 10;
const ANOMALY_RATE = 0.01;

const vhost = `bench-feed-${randomBytes(4).toString('hex')}`;
const amqpUrl = `amqp://guest:guest@127.0.0.1:5672/${vhost}`;
let database: BenchDatabase | undefined;
let app: CleanApiProcess | undefined;
const items = seedFileItems();
const startApp = async (env: Record<string, string> = {}) => {
  const started = await CleanApiProcess.start(database!.url, { AMQP_URL: amqpUrl, LOG_LEVEL: 'warn', ...env });
  await started.waitUntilLive(new HttpClient(started.baseUrl, 30_000), 60_000);
  return started;
};
const countOf = async (sql: string, params: unknown[] = []) => Number((await database!.dataSource.query(sql, params))[0].n);
const committed = (prefix: string) => countOf('SELECT count(*) AS n FROM price_observation WHERE observation_id LIKE $1', [`${prefix}-%`]);
const waitFor = async (prefix: string, total: number, timeoutMs: number) => {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(100)) if ((await committed(prefix)) >= total) return true;
  return false;
};
/** The model registry's own counters, from /metrics: what keeping the models current cost the app. */
const modelCost = async () => {
  const text = await (await fetch(`${app!.baseUrl}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { growths: read('model_growths_total'), growthSeconds: read('model_growth_seconds_total'), trainings: read('model_trainings_total'), trainingSeconds: read('model_training_seconds_total') };
};
const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')} obs/s`;
const rows: string[][] = [];

try {
  await run('rabbitmqctl', ['-q', 'add_vhost', vhost]);
  await run('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  database = await openBenchDatabase(log);
  app = await startApp();
  const rssBefore = (await app.memoryUse()).currentRssBytes;

  log(`a. ${HTTP_OBSERVATIONS} observations over HTTP, batches of 1,000, 4 at a time`);
  const costBefore = await modelCost();
  let started = performance.now();
  // In two halves of the same load: a server whose memory is flat ends the second where it ended the first.
  const latencies = await sendOverHttp(app.baseUrl, observations(items, HTTP_OBSERVATIONS / 2, ANOMALY_RATE, 'http'), 1000, 4);
  const rssAfterHalf = (await app.memoryUse()).currentRssBytes;
  latencies.push(...await sendOverHttp(app.baseUrl, observations(items, HTTP_OBSERVATIONS / 2, ANOMALY_RATE, 'http2', 2), 1000, 4));
  const rssAfterAll = (await app.memoryUse()).currentRssBytes;
  const httpMs = performance.now() - started;
  const costAfter = await modelCost();
  rows.push(['a. HTTP batches of 1,000: end-to-end (sent -> committed)', rate(HTTP_OBSERVATIONS, httpMs), '>= 50,000 obs/s', (HTTP_OBSERVATIONS / httpMs) * 1000 >= 50_000 ? 'PASS' : 'FAIL']);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  rows.push(['a. server RSS after the first half / after the second half', `${mib(rssAfterHalf)} / ${mib(rssAfterAll)}`, 'flat (within 10%)', rssAfterAll <= rssAfterHalf * 1.1 ? 'PASS' : 'FAIL']);
  const batches = HTTP_OBSERVATIONS / 1000;
  const growthMs = ((costAfter.growthSeconds - costBefore.growthSeconds) * 1000) / batches;
  const trainingMs = ((costAfter.trainingSeconds - costBefore.trainingSeconds) * 1000) / batches;
  rows.push(['a. model cost per batch of 1,000: growing / training (models grown / trained per batch)',
    `${growthMs.toFixed(1)} / ${trainingMs.toFixed(1)} ms (${((costAfter.growths - costBefore.growths) / batches).toFixed(0)} / ${((costAfter.trainings - costBefore.trainings) / batches).toFixed(1)})`, '', '']);
  rows.push(['a. HTTP batch of 1,000: latency p50 / p99', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 99).toFixed(0)} ms`, '', '']);

  log(`b. ${AMQP_OBSERVATIONS} observations through RabbitMQ, 100 a message`);
  started = performance.now();
  await sendOverAmqp(amqpUrl, observations(items, AMQP_OBSERVATIONS, ANOMALY_RATE, 'amqp', 8), 100);
  const published = performance.now() - started;
  if (!(await waitFor('amqp', AMQP_OBSERVATIONS, 300_000))) throw new Error('RabbitMQ observations not all committed in 300 s');
  const amqpMs = performance.now() - started;
  rows.push(['b. RabbitMQ, 100 a message: end-to-end (first publish -> last commit)', rate(AMQP_OBSERVATIONS, amqpMs), '>= 20,000 obs/s', (AMQP_OBSERVATIONS / amqpMs) * 1000 >= 20_000 ? 'PASS' : 'FAIL']);
  rows.push(['b. publishing alone (confirmed)', rate(AMQP_OBSERVATIONS, published), '', '']);

  log(`c. ${PACED_SECONDS} s at 5,000 obs/s over HTTP (batches of 100)`);
  const paced = await sendOverHttp(app.baseUrl, observations(items, 5000 * PACED_SECONDS, ANOMALY_RATE, 'paced', 9), 100, 8, 5000);
  rows.push(['c. at 5,000 obs/s (HTTP, batches of 100): latency p50 / p99', `${percentile(paced, 50).toFixed(0)} / ${percentile(paced, 99).toFixed(0)} ms`, 'p99 <= 1,000 ms', percentile(paced, 99) <= 1000 ? 'PASS' : 'FAIL']);

  log(`d. ${KILL_OBSERVATIONS} observations through RabbitMQ, kill -9 of the app halfway, restart`);
  const historyBefore = await countOf('SELECT count(*) AS n FROM item_historical_pricing');
  const alertsBefore = await countOf('SELECT count(*) AS n FROM price_alert');
  await sendOverAmqp(amqpUrl, observations(items, KILL_OBSERVATIONS, ANOMALY_RATE, 'kill', 10), 100);
  for (const started = Date.now(); (await committed('kill')) < KILL_OBSERVATIONS / 2 && Date.now() - started < 60_000;) await sleep(20);
  const atKill = await committed('kill');
  await app.kill();
  app = await startApp();
  if (!(await waitFor('kill', KILL_OBSERVATIONS, 300_000))) throw new Error('observations lost after kill -9');
  await sleep(500);
  const outcomes = await database.dataSource.query(`SELECT count(*) FILTER (WHERE stored) AS stored, count(*) FILTER (WHERE NOT stored) AS held, count(*) AS n
    FROM price_observation WHERE observation_id LIKE 'kill-%'`);
  const historyAdded = (await countOf('SELECT count(*) AS n FROM item_historical_pricing')) - historyBefore;
  const alertsAdded = (await countOf('SELECT count(*) AS n FROM price_alert')) - alertsBefore;
  const lost = KILL_OBSERVATIONS - Number(outcomes[0].n);
  const doubled = historyAdded - Number(outcomes[0].stored) + (alertsAdded - Number(outcomes[0].held));
  rows.push([`d. kill -9 after ${atKill} of ${KILL_OBSERVATIONS} committed: lost / doubled`, `${lost} / ${doubled}`, '0 / 0', lost === 0 && doubled === 0 ? 'PASS' : 'FAIL']);
  rows.push(['d. history rows added / alerts opened', `${historyAdded} / ${alertsAdded} (observations stored ${outcomes[0].stored}, held ${outcomes[0].held})`, '', '']);

  const memory = await app.memoryUse();
  rows.push(['e. server RSS before a / peak of the process restarted in d', `${mib(rssBefore)} / ${mib(memory.peakRssBytes)}`, '', '']);
  // Last, so that the phases before are not disturbed: the same HTTP load on WORKERS=2. Every batch
  // touches nearly every item, so each worker also grows (from the announcements) the other's.
  await app.stop();
  app = await startApp({ WORKERS: '2' });
  const twoWorkersStarted = performance.now();
  await sendOverHttp(app.baseUrl, observations(items, HTTP_OBSERVATIONS / 2, ANOMALY_RATE, 'http-w2', 4), 1000, 4);
  const twoWorkersMs = performance.now() - twoWorkersStarted;
  rows.push(['a2. the same with WORKERS=2 (half as many observations)', rate(HTTP_OBSERVATIONS / 2, twoWorkersMs), '', '']);
  console.log(['| measurement | figure | target | result |', '| --- | --- | --- | --- |', ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n'));
} catch (error) {
  log(`benchmark failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  if (app) log(`clean-api output:\n${app.recentOutput()}`);
  process.exitCode = 1;
} finally {
  await app?.stop();
  await database?.close();
  await run('rabbitmqctl', ['-q', 'delete_vhost', vhost]).catch(() => undefined);
}
