import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEMPLATE_EMPTY = () => `price_anomaly_tpl_empty_${process.env.TEST_RUN_ID}`;
export const TEMPLATE_SEEDED = () => `price_anomaly_tpl_seeded_${process.env.TEST_RUN_ID}`;

export function databaseUrlFor(database: string): string {
  const url = new URL(process.env.TEST_SERVER_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  url: string;
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A database of the suite's own: migrated (and seeded with db-seed's file when asked), or bare. */
export async function createTestDatabase(options: { seeded?: boolean; bare?: boolean } = {}): Promise<TestDatabase> {
  const name = `price_anomaly_test_${randomBytes(6).toString('hex')}`;
  const template = options.bare ? 'template0' : options.seeded ? TEMPLATE_SEEDED() : TEMPLATE_EMPTY();
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrlFor(name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection the server ends (a drop WITH (FORCE) racing a helper's last poll) is the
  // pool's to replace; without a listener pg re-emits it as an unhandled error that fails whatever
  // test runs then. A query on a dead connection still rejects, and fails its own test.
  pool.on('error', () => undefined);
  return {
    url,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    drop: async () => {
      await pool.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
