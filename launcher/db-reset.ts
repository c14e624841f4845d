import { reseedDatabase } from '#db-seed';
import { launchDatabase, withMigratedDatabase } from './database.js';

/** `npm run db:reset`: empties the history and loads the seed file again. */
const log = (line: string) => console.log(`[db:reset] ${line}`);
const database = await launchDatabase(log);
try {
  const inserted = await withMigratedDatabase(database.url, reseedDatabase);
  log(`history reset to the seed file: ${inserted} rows`);
} finally {
  if (database.startedHere) await database.stop(); // leave a server that `npm start` is using alone
}
