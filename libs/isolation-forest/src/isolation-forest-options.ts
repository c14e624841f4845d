export interface IsolationForestOptions {
  /** Number of trees; default 100. */
  trees?: number;
  /** Points drawn without replacement for each tree, capped at n; default 256. */
  sampleSize?: number;
  /** 32-bit signed integer; the same data and seed always give the same forest. Default 42. */
  seed?: number;
}

export type ResolvedOptions = Required<IsolationForestOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = { trees: 100, sampleSize: 256, seed: 42 };

const KNOWN_KEYS = new Set(Object.keys(DEFAULT_OPTIONS));
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Rejects anything but a plain options object of integers, so a typo cannot silently fall back to a default. */
export function resolveOptions(options: IsolationForestOptions | undefined): ResolvedOptions {
  if (options === undefined) return { ...DEFAULT_OPTIONS };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error('IsolationForest options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`IsolationForest option "${key}" is unknown (expected trees, sampleSize or seed)`);
  }
  const resolved = { ...DEFAULT_OPTIONS };
  if (options.trees !== undefined) resolved.trees = positiveInteger('trees', options.trees);
  if (options.sampleSize !== undefined) resolved.sampleSize = positiveInteger('sampleSize', options.sampleSize);
  if (options.seed !== undefined) resolved.seed = int32('seed', options.seed);
  return resolved;
}

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`IsolationForest option ${name} must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

// pure-rand seeds from 32 bits; wider seeds would silently collide.
function int32(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    throw new Error(`IsolationForest option ${name} must be a 32-bit signed integer, got ${String(value)}`);
  }
  return value;
}
