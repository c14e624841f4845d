import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface TimedResponse {
  status: number;
  body: Buffer;
  /** From sending the request to the last byte of the body, in milliseconds. */
  elapsedMs: number;
}

/**
 * One reused loopback connection: the single-request timings should show the server's work,
 * not a TCP handshake per request.
 */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  get(path: string): Promise<TimedResponse> {
    return this.send('GET', path);
  }

  postJson(path: string, payload: unknown): Promise<TimedResponse> {
    return this.send('POST', path, Buffer.from(JSON.stringify(payload)));
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, body?: Buffer): Promise<TimedResponse> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const headers = body ? { 'content-type': 'application/json', 'content-length': body.length } : {};
      const req = request(new URL(path, this.baseUrl), { method, headers, agent: this.agent, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), elapsedMs: performance.now() - started }));
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} took longer than ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Fails the benchmark on an unexpected status: a figure measured on errors would mislead. */
export function expectStatus(response: TimedResponse, expected: number, what: string): TimedResponse {
  if (response.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
  return response;
}
