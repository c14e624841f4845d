import { DEFAULT_CACHE_LIMITS } from '../../../libs/anomaly-detection/src/index.js';

export const CLEAN_API_CONFIG = Symbol('CLEAN_API_CONFIG');

export interface CleanApiConfig {
  databaseUrl: string;
  port: number;
  maxUploadBytes: number;
  /** `isolation-forest` (default) or `ml-isolation-forest`. */
  anomalyEngine?: string;
  modelCache: { maxEntries: number; maxBytes: number };
}

const GIB = 1024 ** 3;

/** Configuration comes from the environment only; see the README's table. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CleanApiConfig {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start sets it for the embedded PostgreSQL)');
  return {
    databaseUrl: env.DATABASE_URL,
    port: positiveInteger(env.PORT, 8001, 'PORT'),
    maxUploadBytes: positiveInteger(env.MAX_UPLOAD_BYTES, GIB, 'MAX_UPLOAD_BYTES'),
    anomalyEngine: env.ANOMALY_ENGINE || undefined,
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
