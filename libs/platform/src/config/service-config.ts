import { DEFAULT_CACHE_LIMITS } from '#libs/anomaly-detection';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** One app's settings; both apps read the same variables (README: Configuration). */
export interface ServiceConfig {
  databaseUrl: string;
  port: number;
  maxUploadBytes: number;
  /** An upload that sends nothing for this long is abandoned (rolled back): catches stalled clients without capping long uploads. */
  uploadIdleTimeoutMs: number;
  /** Node's cap on receiving a whole request; 0 (default) leaves long uploads to the idle timeout. */
  requestTimeoutMs: number;
  /** `isolation-forest` (default) or `ml-isolation-forest`. */
  anomalyEngine?: string;
  modelCache: { maxEntries: number; maxBytes: number };
  /** While the database is unreachable, how old the last version seen may be for a cached model to still answer (marked stale). */
  staleModelMaxAgeMs: number;
  /** How long in-flight requests may run on after SIGTERM before they are cut. */
  shutdownTimeoutMs: number;
  /** Processes of the app on its port (node:cluster); 1: this process serves alone. */
  workers: number;
  /** Streaming replicas for history and training reads (DATABASE_REPLICA_URLS); none: the primary serves all. */
  replicaUrls: string[];
  /** A replica further behind than this is skipped until it catches up. */
  replicaMaxLagMs: number;
  /** Keys for uploads (empty: open); keys for reads (empty: open). */
  apiKeys: string[];
  readApiKeys: string[];
  /** Requests per client and route within the window; over it, 429 with Retry-After. */
  rateLimit: { max: number; windowMs: number };
  /** Origins allowed by CORS; empty: CORS closed. */
  corsOrigins: string[];
  /** Where new alerts are POSTed (signed with the secret); unset: no webhook, no outbox rows. */
  alertWebhookUrl?: string;
  alertWebhookSecret?: string;
  /** How long one webhook request may take before it counts as failed (and is retried later). */
  webhookTimeoutMs: number;
  /** RabbitMQ: observations in from `price-observations`, alerts out to `price-alerts`; unset: no broker at all. */
  amqpUrl?: string;
  /** Messages in flight per process: the largest batch a consumer stores at once. */
  amqpPrefetch: number;
  /** How long a batch waits to fill once its first message arrived. */
  amqpBatchWaitMs: number;
}

const GIB = 1024 ** 3;

/** Configuration comes from the environment only. */
export function configFromEnv(defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start sets it for the embedded PostgreSQL)');
  return {
    databaseUrl: env.DATABASE_URL,
    port: env.PORT === '0' ? 0 : positiveInteger(env.PORT, defaultPort, 'PORT'),
    maxUploadBytes: positiveInteger(env.MAX_UPLOAD_BYTES, GIB, 'MAX_UPLOAD_BYTES'),
    uploadIdleTimeoutMs: positiveInteger(env.UPLOAD_IDLE_TIMEOUT_MS, 60_000, 'UPLOAD_IDLE_TIMEOUT_MS'),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS === '0' ? 0 : positiveInteger(env.REQUEST_TIMEOUT_MS, 0, 'REQUEST_TIMEOUT_MS'),
    anomalyEngine: env.ANOMALY_ENGINE || undefined,
    staleModelMaxAgeMs: positiveInteger(env.STALE_MODEL_MAX_AGE_MS, 300_000, 'STALE_MODEL_MAX_AGE_MS'),
    shutdownTimeoutMs: positiveInteger(env.SHUTDOWN_TIMEOUT_MS, 10_000, 'SHUTDOWN_TIMEOUT_MS'),
    workers: positiveInteger(env.WORKERS, 1, 'WORKERS'),
    replicaUrls: list(env.DATABASE_REPLICA_URLS),
    replicaMaxLagMs: positiveInteger(env.REPLICA_MAX_LAG_MS, 10_000, 'REPLICA_MAX_LAG_MS'),
    apiKeys: list(env.API_KEYS),
    readApiKeys: list(env.API_KEYS_READ),
    rateLimit: {
      max: positiveInteger(env.RATE_LIMIT_MAX, 100_000, 'RATE_LIMIT_MAX'),
      windowMs: positiveInteger(env.RATE_LIMIT_WINDOW_MS, 60_000, 'RATE_LIMIT_WINDOW_MS'),
    },
    corsOrigins: list(env.CORS_ORIGINS),
    alertWebhookUrl: env.ALERT_WEBHOOK_URL || undefined,
    alertWebhookSecret: env.ALERT_WEBHOOK_SECRET || undefined,
    webhookTimeoutMs: positiveInteger(env.WEBHOOK_TIMEOUT_MS, 5_000, 'WEBHOOK_TIMEOUT_MS'),
    amqpUrl: env.AMQP_URL || undefined,
    amqpPrefetch: positiveInteger(env.AMQP_PREFETCH, 500, 'AMQP_PREFETCH'),
    amqpBatchWaitMs: positiveInteger(env.AMQP_BATCH_WAIT_MS, 20, 'AMQP_BATCH_WAIT_MS'),
    modelCache: {
      maxEntries: positiveInteger(env.MODEL_CACHE_MAX_ENTRIES, DEFAULT_CACHE_LIMITS.maxEntries, 'MODEL_CACHE_MAX_ENTRIES'),
      maxBytes: positiveInteger(env.MODEL_CACHE_MAX_BYTES, DEFAULT_CACHE_LIMITS.maxBytes, 'MODEL_CACHE_MAX_BYTES'),
    },
  };
}

function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}
