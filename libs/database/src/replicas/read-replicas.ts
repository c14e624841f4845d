import pg from 'pg';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from '../pool-of.js';

export interface ReplicaOptions {
  /** A replica whose replay is behind the primary by more than this is skipped (and reported). */
  maxLagMs: number;
  /** How often each replica's replay position is read. */
  checkIntervalMs: number;
  /** Connections per replica. */
  poolSize: number;
}

export interface ReplicaStatus {
  /** The replica's address without its password. */
  replica: string;
  up: boolean;
  /** Bytes of WAL the replica has yet to replay (null while down). */
  lagBytes: number | null;
  /** Seconds since the last transaction it replayed was committed, while it is behind (0 when caught up). */
  lagSeconds: number | null;
  /** Eligible for reads: up, and not lagging beyond `maxLagMs`. */
  serving: boolean;
  error?: string;
}

export type ReadKind = 'history' | 'prices';

interface Replica {
  name: string;
  pool: pg.Pool;
  status: ReplicaStatus;
}

/**
 * Streaming replicas (DATABASE_REPLICA_URLS) for the reads that can go to one: an item's history
 * and the prices a model is trained on. A replica serves a read only once it has replayed the
 * primary's WAL up to the position the caller names (read on the primary together with the
 * item's version, or just before the read): a user reads their own writes and no model is trained
 * on an older history than its version says. Otherwise the caller reads from the primary.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private timer?: NodeJS.Timeout;
  private next = 0;
  readonly reads = new Map<string, number>();

  constructor(urls: readonly string[], private readonly primary: DataSource, private readonly options: ReplicaOptions) {
    this.replicas = urls.map((url) => {
      const name = redacted(url);
      const pool = new pg.Pool({ connectionString: url, max: options.poolSize, connectionTimeoutMillis: 2000 });
      pool.on('error', () => undefined); // an idle connection the replica dropped: the next check marks it down
      return { name, pool, status: { replica: name, up: false, lagBytes: null, lagSeconds: null, serving: false } };
    });
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  start(): void {
    if (!this.enabled) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((replica) => ({ ...replica.status }));
  }

  /** The primary's current WAL position: every commit visible now is at or before it. */
  async primaryLsn(): Promise<string> {
    const { rows } = await poolOf(this.primary).query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return rows[0].lsn;
  }

  /**
   * A connection to a serving replica that has replayed `lsn`, or undefined (then read from the
   * primary). The caller releases it. Counted in `reads` by kind and by who served it.
   */
  async clientAt(lsn: string, kind: ReadKind): Promise<PoolClient | undefined> {
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length];
      if (!replica.status.serving) continue;
      let client: PoolClient | undefined;
      try {
        client = await replica.pool.connect();
        const { rows } = await client.query<{ caught_up: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up', [lsn]);
        if (rows[0].caught_up) {
          this.count(kind, replica.name);
          return client;
        }
      } catch {
        replica.status = { ...replica.status, serving: false };
      }
      client?.release();
    }
    this.count(kind, 'primary');
    return undefined;
  }

  private count(kind: ReadKind, source: string): void {
    const key = `${kind}\t${source}`;
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
  }

  private async check(): Promise<void> {
    let primaryLsn: string;
    try {
      primaryLsn = await this.primaryLsn();
    } catch {
      return; // the primary is away: leave the replicas as they were last seen
    }
    await Promise.all(this.replicas.map(async (replica) => {
      try {
        const { rows } = await replica.pool.query<{ lag_bytes: string; lag_seconds: number | null }>(
          `SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text AS lag_bytes,
             CASE WHEN pg_last_wal_replay_lsn() >= $1::pg_lsn THEN 0 ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS lag_seconds`,
          [primaryLsn]);
        const lagBytes = Math.max(0, Number(rows[0].lag_bytes));
        const lagSeconds = rows[0].lag_seconds ?? 0;
        replica.status = { replica: replica.name, up: true, lagBytes, lagSeconds, serving: lagSeconds * 1000 <= this.options.maxLagMs };
      } catch (error) {
        replica.status = { replica: replica.name, up: false, lagBytes: null, lagSeconds: null, serving: false, error: error instanceof Error ? error.message : String(error) };
      }
    }));
  }
}

function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'replica';
  }
}
