import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { HistoryAppend } from '#libs/price-history';
import { createTestDatabase, type TestDatabase } from '#test-support/test-database';
import { until } from '#test-support/wait';
import { announceAppends, HistoryAppendListener } from './history-append-channel.js';

const append = (n: number, rows = 3): HistoryAppend => ({
  itemId: `MLBANNOUNCE${n}`, fromVersion: String(n), toVersion: String(n + 1000),
  rows: Array.from({ length: rows }, (_, i) => ({ ordClosedDt: '2024-03-01', price: 100 + i })),
});

describe('history append announcements', () => {
  let db: TestDatabase;
  let listener: HistoryAppendListener;
  const announced: HistoryAppend[] = [];
  /** What was heard, less the warm-up announcements (several may arrive late). */
  const heard = () => announced.filter((append) => append.fromVersion !== '-1');
  const withTransaction = async (work: (client: pg.PoolClient) => Promise<void>, commit: boolean) => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const client = await pool.connect();
    await client.query('BEGIN');
    await work(client);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    client.release();
    await pool.end();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    listener = new HistoryAppendListener(db.url, (appends) => announced.push(...appends), () => undefined);
    listener.start();
    // Listening once an announcement made now arrives.
    expect(await until(async () => {
      await withTransaction((client) => announceAppends(client, [append(-1)]), true);
      return announced.length > 0;
    }, 10_000)).toBe(true);
  });
  afterAll(async () => {
    await listener.stop();
    await db.drop();
  });

  it('delivers every append of a large batch on commit, in payloads under PostgreSQL\'s limit', async () => {
    const batch = Array.from({ length: 500 }, (_, n) => append(n));
    await withTransaction((client) => announceAppends(client, batch), true);
    expect(await until(() => heard().length === 500, 5000)).toBe(true);
    expect(heard()).toEqual(batch);
  });

  it('announces nothing for a transaction that rolls back, and leaves out an append too large for one payload', async () => {
    announced.length = 0;
    await withTransaction((client) => announceAppends(client, [append(1)]), false);
    await withTransaction((client) => announceAppends(client, [append(2, 400), append(3)]), true);
    expect(await until(() => heard().length === 1, 5000)).toBe(true);
    expect(heard()).toEqual([append(3)]);
  });
});
