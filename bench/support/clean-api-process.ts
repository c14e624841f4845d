import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '#libs/database';
import type { HttpClient } from './http-client.js';

const STOP_TIMEOUT_MS = 10_000;
/** Resolved from this file (dist/bench/support/), so the bench works from any working directory. */
const APP_ENTRY = fileURLToPath(new URL('../../apps/clean-api/src/main.js', import.meta.url));

export interface MemoryUse {
  /** VmHWM: the highest resident set size the process reached. */
  peakRssBytes: number;
  /** VmRSS at the moment of reading. */
  currentRssBytes: number;
}

/** The compiled clean-api as a real child process, as in production (own event loop, own CPU time). */
export class CleanApiProcess {
  private exited = false;
  private readonly exit: Promise<void>;
  private readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    // The last lines only: enough to explain a failed start, bounded however chatty the app is.
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().trimEnd().split('\n'));
      this.output.splice(0, Math.max(0, this.output.length - 20));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise((done) => child.once('exit', () => {
      this.exited = true;
      done();
    }));
  }

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<CleanApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [APP_ENTRY], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new CleanApiProcess(child, port);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('clean-api did not start');
    return this.child.pid;
  }

  /** Polls /health/live until it answers 200, the process dies, or the deadline passes. */
  async waitUntilLive(client: HttpClient, timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.exited) throw new Error(`clean-api exited before answering:\n${this.recentOutput()}`);
      const response = await client.get('/health/live').catch(() => undefined);
      if (response?.status === 200) return Date.now() - started;
      await sleep(100);
    }
    throw new Error(`clean-api did not answer /health/live within ${timeoutMs} ms:\n${this.recentOutput()}`);
  }

  /** Linux only: the kernel's own accounting, which includes native memory and the heap alike. */
  async memoryUse(): Promise<MemoryUse> {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kib = (field: string) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      if (!match) throw new Error(`no ${field} in /proc/${this.pid}/status`);
      return Number(match[1]) * 1024;
    };
    return { peakRssBytes: kib('VmHWM'), currentRssBytes: kib('VmRSS') };
  }

  /** SIGTERM, then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exit;
    clearTimeout(timer);
  }

  /** SIGKILL: the process dies mid-work, as in a crash. */
  async kill(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGKILL');
    await this.exit;
  }

  /** For an abrupt exit of the bench itself: a synchronous last resort. */
  killNow(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  recentOutput(): string {
    return this.output.join('\n');
  }
}
