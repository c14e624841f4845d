import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from '../pool-of.js';
import { AlertAlreadyResolvedError, AlertNotFoundError, ValidationError } from '#libs/errors';
import type { AlertFilter, AlertPage, AlertResolution, PriceAlert } from '#libs/price-history';

const COLUMNS = `seq, alert_id, observation_id, item_id, to_char(ord_closed_dt, 'YYYY-MM-DD') AS ord_closed_dt, price::float8 AS price,
  status, created_at, resolved_at, resolved_by, resolution_note, metadata`;

interface AlertRow {
  seq: string;
  alert_id: string;
  observation_id: string;
  item_id: string;
  ord_closed_dt: string;
  price: number;
  status: PriceAlert['status'];
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_note: string | null;
  metadata: object;
}

const toAlert = (row: AlertRow): PriceAlert => ({
  alertId: row.alert_id, observationId: row.observation_id, itemId: row.item_id, ordClosedDt: row.ord_closed_dt, price: row.price,
  status: row.status, createdAt: row.created_at.toISOString(), resolvedAt: row.resolved_at?.toISOString() ?? null,
  resolvedBy: row.resolved_by, resolutionNote: row.resolution_note, metadata: row.metadata,
});

/** Cursors are the position of the last alert of a page, opaque to clients. */
const encodeCursor = (seq: string) => Buffer.from(`s${seq}`).toString('base64url');
function decodeCursor(cursor: string): string | undefined {
  const decoded = /^s(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return decoded?.[1];
}

/** Alerts held for review: newest first with cursor paging, and their one resolution. */
export class PriceAlertsStore {
  constructor(private readonly dataSource: DataSource) {}

  async list({ status, itemId, limit, cursor }: AlertFilter): Promise<AlertPage> {
    const before = cursor === undefined ? undefined : decodeCursor(cursor);
    if (cursor !== undefined && before === undefined) throw new ValidationError([{ field: 'cursor', message: 'cursor must be a next_cursor this API gave' }]);
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (status) where.push(`status = ${param(status)}`);
    if (itemId) where.push(`item_id = ${param(itemId)}`);
    if (before) where.push(`seq < ${param(before)}`);
    const sql = `SELECT ${COLUMNS} FROM price_alert ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${param(limit + 1)}`;
    const { rows } = await this.pool().query<AlertRow>(sql, params);
    const page = rows.slice(0, limit);
    return { alerts: page.map(toAlert), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].seq) : null };
  }

  /**
   * Resolves an open alert once. `dismissed` (a false alarm): its price joins the history now, so
   * the model learns it. `confirmed`: it stays out of the history for good. The same resolution
   * again changes nothing; the other one is refused.
   */
  async resolve(alertId: string, resolution: AlertResolution, note: string | null, resolvedBy: string | null): Promise<{ alert: PriceAlert; changed: boolean }> {
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<AlertRow>(`SELECT ${COLUMNS} FROM price_alert WHERE alert_id = $1 FOR UPDATE`, [alertId]);
      if (!rows.length) throw new AlertNotFoundError(alertId);
      const current = rows[0];
      if (current.status === resolution) {
        await client.query('COMMIT');
        return { alert: toAlert(current), changed: false };
      }
      if (current.status !== 'open') throw new AlertAlreadyResolvedError(alertId, current.status);
      const updated = await client.query<AlertRow>(
        `UPDATE price_alert SET status = $2, resolved_at = now(), resolved_by = $3, resolution_note = $4 WHERE alert_id = $1 RETURNING ${COLUMNS}`,
        [alertId, resolution, resolvedBy, note],
      );
      if (resolution === 'dismissed') {
        await client.query(`INSERT INTO item_historical_pricing (item_id, ord_closed_dt, price)
          SELECT item_id, ord_closed_dt, price FROM price_alert WHERE alert_id = $1`, [alertId]);
        await client.query('UPDATE price_observation SET stored = true WHERE alert_id = $1', [alertId]);
      }
      await client.query('COMMIT');
      return { alert: toAlert(updated.rows[0]), changed: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private pool(): Pool {
    return poolOf(this.dataSource);
  }
}
