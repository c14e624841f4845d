import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { seedDatabase } from '#db-seed';
import { launchDatabase, withMigratedDatabase } from './database.js';

/** The apps `npm start` runs, with their default ports (PORT_<NAME> overrides, e.g. PORT_CLEAN_API). */
const APPS: Record<string, number> = { 'mvc-api': 8000, 'clean-api': 8001 };
const STOP_TIMEOUT_MS = 15_000;

const log = (line: string) => console.log(`[launcher] ${line}`);
const began = Date.now();
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(APPS);
const apps = chosen.filter((name) => {
  if (!(name in APPS)) throw new Error(`Unknown app '${name}'; choose from ${Object.keys(APPS).join(', ')}`);
  return existsSync(appEntry(name));
});

const database = await launchDatabase(log);
const seeded = Date.now();
const inserted = await withMigratedDatabase(database.url, seedDatabase);
log(inserted ? `seeded ${inserted} rows in ${Date.now() - seeded} ms` : 'database already seeded');

const children = new Map<string, ChildProcess>();
let stopping = false;
for (const name of apps) children.set(name, startApp(name));
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

function appEntry(name: string): string {
  return resolve('dist', 'apps', name, 'src', 'main.js');
}

function startApp(name: string): ChildProcess {
  const port = process.env[`PORT_${name.replace('-', '_').toUpperCase()}`] ?? String(APPS[name]);
  const child = spawn(process.execPath, [appEntry(name)], {
    // One process per core for each app unless WORKERS says otherwise (README: Configuration).
    env: { ...process.env, DATABASE_URL: database.url, PORT: port, WORKERS: process.env.WORKERS ?? String(availableParallelism()) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().trimEnd().split('\n')) {
      console.log(`[${name}] ${line}`);
      if (line.includes('listening on') && !ready) {
        ready = true;
        log(`${name} ready in ${Date.now() - began} ms: http://localhost:${port}`);
      }
    }
  });
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      log(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping`);
      void stop(1);
    } else if (children.size === 0) void finish();
  });
  return child;
}

let exitCode = 0;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  log('stopping apps, then the database');
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), STOP_TIMEOUT_MS).unref();
  if (children.size === 0) await finish();
}

async function finish(): Promise<void> {
  await database.stop();
  log('stopped');
  process.exit(exitCode);
}
