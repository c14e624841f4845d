import { execFile } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '#libs/database';

const run = promisify(execFile);
/** The machine's PostgreSQL 15 binaries: the embedded package has no pg_basebackup. */
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

export interface ReplicatedPostgres {
  primaryUrl: (database: string) => string;
  replicaUrl: (database: string) => string;
  /** Stops the replica (a replica gone away). */
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
}

/** initdb refuses root: as root, PostgreSQL's tools run as the postgres user. */
async function pg(tool: string, args: string[]): Promise<void> {
  const [command, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]] : [join(BIN, tool), args];
  await run(command, all, { timeout: 120_000 });
}

/**
 * A primary and a real streaming replica made from it with `pg_basebackup -R`, each on a free
 * loopback port in a temp dir of its own; `applyDelayMs` holds the replica's replay back
 * (`recovery_min_apply_delay`) so a test can see it lag.
 */
export async function startReplicatedPostgres(applyDelayMs: number): Promise<ReplicatedPostgres> {
  const base = mkdtempSync('/tmp/price-anomaly-replication-');
  chmodSync(base, 0o755);
  const [primary, replica, sockets] = ['primary', 'replica', 'sockets'].map((name) => join(base, name));
  const owner = asRoot ? [Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout)] as const : undefined;
  if (owner) chownSync(base, ...owner); // the servers write their logs here
  for (const dir of [primary, replica, sockets]) {
    mkdirSync(dir, { mode: 0o700 });
    if (owner) chownSync(dir, ...owner);
  }
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  await pg('initdb', ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  appendFileSync(join(primary, 'postgresql.conf'), [
    `port = ${primaryPort}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${sockets}'`,
    'wal_level = replica', 'max_wal_senders = 4', 'fsync = off', 'full_page_writes = off',
    // No background WAL (autovacuum, timed checkpoints): the primary's position moves only with the test's writes.
    'autovacuum = off', "checkpoint_timeout = '30min'", '',
  ].join('\n'));
  await pg('pg_ctl', ['-D', primary, '-l', join(base, 'primary.log'), '-w', 'start']);
  await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream']);
  appendFileSync(join(replica, 'postgresql.conf'), `port = ${replicaPort}\nrecovery_min_apply_delay = '${applyDelayMs}ms'\n`);
  await pg('pg_ctl', ['-D', replica, '-l', join(base, 'replica.log'), '-w', 'start']);
  let replicaRunning = true;
  const stopReplica = async () => {
    if (!replicaRunning) return;
    replicaRunning = false;
    await pg('pg_ctl', ['-D', replica, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  };
  return {
    primaryUrl: (database) => `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl: (database) => `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
    stopReplica,
    stop: async () => {
      await stopReplica();
      await pg('pg_ctl', ['-D', primary, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
