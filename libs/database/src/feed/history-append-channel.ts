import pg from 'pg';
import type { PoolClient } from 'pg';
import type { HistoryAppend } from '#libs/price-history';

/** The channel every process listens on for appends committed by any process of the deployment. */
export const HISTORY_APPENDS_CHANNEL = 'history_appends';
/** PostgreSQL caps a notification's payload at 8000 bytes. */
const MAX_PAYLOAD_BYTES = 7900;

/**
 * Announces, inside the appending transaction, what it appended to each item (the notification
 * is delivered on commit, and never if it rolls back), in payloads under PostgreSQL's limit.
 */
export async function announceAppends(client: PoolClient, appends: readonly HistoryAppend[]): Promise<void> {
  const payloads: string[] = [];
  let batch: HistoryAppend[] = [];
  let size = 2;
  for (const append of appends) {
    const bytes = Buffer.byteLength(JSON.stringify(append)) + 1;
    if (bytes + 2 > MAX_PAYLOAD_BYTES) continue; // one item's share too large to announce: the others train it afresh
    if (size + bytes > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify(batch));
      [batch, size] = [[], 2];
    }
    batch.push(append);
    size += bytes;
  }
  if (batch.length) payloads.push(JSON.stringify(batch));
  if (payloads.length) await client.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [HISTORY_APPENDS_CHANNEL, payloads]);
}

const RECONNECT_MS = 1000;

/**
 * Listens for the appends every process announces, on a connection of its own (reconnected after
 * a pause when it drops). A notification missed while disconnected costs only a fresh training
 * of the items it named: models are keyed by version, never trusted on a missed announcement.
 */
export class HistoryAppendListener {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly onAppends: (appends: HistoryAppend[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 2000 });
    const again = () => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) this.retry = setTimeout(() => void this.connect(), RECONNECT_MS);
    };
    client.on('error', again);
    client.on('end', again);
    client.on('notification', ({ payload }) => {
      try {
        this.onAppends(JSON.parse(payload ?? '[]') as HistoryAppend[]);
      } catch (error) {
        this.log(`history append announcement ignored: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${HISTORY_APPENDS_CHANNEL}`);
    } catch {
      again();
    }
  }
}
