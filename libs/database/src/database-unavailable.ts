/** Connection-level failures: the database is down or unreachable, not the query at fault. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND',
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
]);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection error|not queryable/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error as { code?: string; message?: string; driverError?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 4; depth++) {
    if ((cause.code && UNAVAILABLE_CODES.has(cause.code)) || UNAVAILABLE_MESSAGES.test(cause.message ?? '')) return true;
    cause = (cause.driverError ?? cause.cause) as typeof cause;
  }
  return false;
}
