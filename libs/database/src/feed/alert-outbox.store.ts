import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from '../pool-of.js';
import type { OutboxDestination } from './price-feed.store.js';

export interface OutboxEntry {
  id: string;
  alertId: string;
  payload: object;
  /** This attempt's number, 1 for the first. */
  attempt: number;
}

/**
 * The alert outbox: rows written in the same transaction as their alerts, handed out to
 * notifiers under a lease (FOR UPDATE SKIP LOCKED, so several processes share the work), marked
 * delivered only after the receiver said yes. A process that dies mid-delivery leaves the lease to
 * expire and the row goes out again: at least once.
 */
export class AlertOutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(destination: OutboxDestination, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const { rows } = await this.pool().query<{ id: string; alert_id: string; payload: object; attempts: number }>(
      `UPDATE alert_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
       WHERE id IN (SELECT id FROM alert_outbox WHERE destination = $3 AND delivered_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, alert_id, payload, attempts`,
      [limit, leaseMs, destination],
    );
    return rows.map((row) => ({ id: row.id, alertId: row.alert_id, payload: row.payload, attempt: row.attempts })).sort((a, b) => Number(a.id) - Number(b.id));
  }

  async delivered(id: string): Promise<void> {
    await this.pool().query('UPDATE alert_outbox SET delivered_at = now(), last_error = NULL WHERE id = $1', [id]);
  }

  async failed(id: string, retryInMs: number, error: string): Promise<void> {
    await this.pool().query(
      'UPDATE alert_outbox SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), last_error = $3 WHERE id = $1',
      [id, retryInMs, error.slice(0, 500)],
    );
  }

  /** For metrics: how many wait, and how long the oldest has waited. */
  async backlog(destination: OutboxDestination): Promise<{ pending: number; oldestPendingSeconds: number }> {
    const { rows } = await this.pool().query<{ pending: number; oldest: number | null }>(
      'SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS oldest FROM alert_outbox WHERE destination = $1 AND delivered_at IS NULL',
      [destination],
    );
    return { pending: rows[0].pending, oldestPendingSeconds: rows[0].oldest ?? 0 };
  }

  private pool(): Pool {
    return poolOf(this.dataSource);
  }
}
