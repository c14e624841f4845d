/** Connection-level failures: the server is down or unreachable, not the query at fault. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND',
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
]);
const UNREACHABLE_MESSAGES = /Connection terminated|connection error|not queryable/i;
/** pg-pool's own words when every connection stayed checked out for connectionTimeoutMillis. */
const POOL_EXHAUSTED = /timeout exceeded when trying to connect/i;

/**
 * `unreachable`: the server cannot be reached (down, restarting, network gone). `busy`: the server
 * may be fine but every connection of this process's pool is in use: not an outage, so nothing
 * may be answered from memory as if the database could not have changed. Otherwise `undefined`.
 */
export function databaseFailureOf(error: unknown): 'unreachable' | 'busy' | undefined {
  for (let cause = error as { code?: string; message?: string; driverError?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 4; depth++) {
    if (POOL_EXHAUSTED.test(cause.message ?? '')) return 'busy';
    if ((cause.code && UNREACHABLE_CODES.has(cause.code)) || UNREACHABLE_MESSAGES.test(cause.message ?? '')) return 'unreachable';
    cause = (cause.driverError ?? cause.cause) as typeof cause;
  }
  return undefined;
}
