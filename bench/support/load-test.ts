import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency of 2xx answers only (autocannon's rule), whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  /** Bodies sent in turn, shared by all connections, so concurrent requests spread over all of them. */
  jsonBodies?: readonly string[];
}

/** A bounded autocannon run (duration and per-request timeout); it never renders a progress bar. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const bodies = options.jsonBodies;
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    method: options.method ?? 'GET',
    headers: bodies ? { 'content-type': 'application/json' } : undefined,
    requests: bodies?.length ? [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }] : undefined,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
