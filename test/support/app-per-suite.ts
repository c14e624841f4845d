import { afterAll, beforeAll } from '@jest/globals';
import { startApp, type AppName, type AppSettings, type RunningApp } from './running-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface SuiteApp {
  db: TestDatabase;
  app: RunningApp;
}

/** A database of the suite's own and one app process on it, for the whole describe block. */
export function appPerSuite(appName: AppName, options: { seeded?: boolean; settings?: Omit<AppSettings, 'databaseUrl'> } = {}): SuiteApp {
  const suite = {} as SuiteApp;
  beforeAll(async () => {
    suite.db = await createTestDatabase({ seeded: options.seeded });
    suite.app = await startApp(appName, { ...options.settings, databaseUrl: suite.db.url });
  });
  afterAll(async () => {
    await suite.app?.stop();
    await suite.db?.drop();
  });
  return suite;
}
