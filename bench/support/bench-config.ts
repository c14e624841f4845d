/** Every loop of the benchmark is bounded by these counts; the env overrides keep quick runs possible. */
export interface BenchConfig {
  /** Seconds of each autocannon phase (BENCH_SECONDS). */
  loadSeconds: number;
  connections: number;
  /** Cold detections per item (BENCH_COLD_REPEATS). */
  coldRepeats: number;
  /** Full downloads of the big history (BENCH_HISTORY_REPEATS). */
  historyRepeats: number;
  /** Upper bound for any single HTTP request the bench makes itself. */
  requestTimeoutMs: number;
  /** Upper bound for the app to answer /health/live after spawning. */
  startTimeoutMs: number;
}

export const BIG_ITEM_ID = 'MLB3836655204';

export function benchConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    loadSeconds: positive(env.BENCH_SECONDS, 10, 'BENCH_SECONDS'),
    connections: 50,
    coldRepeats: positive(env.BENCH_COLD_REPEATS, 15, 'BENCH_COLD_REPEATS'),
    historyRepeats: positive(env.BENCH_HISTORY_REPEATS, 5, 'BENCH_HISTORY_REPEATS'),
    requestTimeoutMs: 30_000,
    startTimeoutMs: 60_000,
  };
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}
