import './resolve-ts-sources.cjs';
import pg from 'pg';
import type { EmbeddedPostgresServer } from '#libs/database';
import { TEMPLATE_EMPTY, TEMPLATE_SEEDED } from './test-database.js';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__embeddedPostgres as EmbeddedPostgresServer | undefined;
  if (server) return server.stop(); // a throwaway data dir: nothing to drop
  const admin = new pg.Client({ connectionString: process.env.TEST_SERVER_URL });
  await admin.connect();
  for (const template of [TEMPLATE_EMPTY, TEMPLATE_SEEDED]) await admin.query(`DROP DATABASE IF EXISTS ${template()} WITH (FORCE)`);
  await admin.end();
}
