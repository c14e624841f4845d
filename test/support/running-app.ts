import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const APP_NAMES = ['mvc-api', 'clean-api'] as const;
export type AppName = (typeof APP_NAMES)[number];

export interface RunningApp {
  name: AppName;
  baseUrl: string;
  /** The server's process id (e.g. to read its memory from /proc). */
  pid: number;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies without any cleanup of its own. */
  kill(): Promise<void>;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM only, as an orchestrator sends it; resolves with how the process ended. */
  terminate(): Promise<{ exitCode: number | null; elapsedMs: number }>;
}

export interface AppSettings {
  databaseUrl: string;
  maxUploadBytes?: number;
  anomalyEngine?: string;
  /** Further environment variables, e.g. SHUTDOWN_TIMEOUT_MS. */
  env?: Record<string, string>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * A real server process of the built app (`npm test` builds first) on a free loopback port,
 * configured only through its environment, as in production.
 */
export function startApp(name: AppName, settings: AppSettings): Promise<RunningApp> {
  const child = spawn(process.execPath, [resolve('dist', 'apps', name, 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: settings.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '4',
      MAX_UPLOAD_BYTES: String(settings.maxUploadBytes ?? 1024 ** 3),
      ANOMALY_ENGINE: settings.anomalyEngine ?? '',
      ...settings.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () => new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => (clearTimeout(kill), done()));
    child.kill('SIGTERM');
  });
  const kill = () => new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
  const terminate = () => new Promise<{ exitCode: number | null; elapsedMs: number }>((done) => {
    const started = Date.now();
    child.once('exit', (exitCode) => done({ exitCode, elapsedMs: Date.now() - started }));
    child.kill('SIGTERM');
  });
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), fail(new Error(`${name} did not start:\n${output}`))), START_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk;
      const listening = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        ready({ name, baseUrl: `http://127.0.0.1:${listening[1]}`, pid: child.pid!, stop, kill, terminate, output: () => output });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`${name} exited with ${code}:\n${output}`))));
  });
}
