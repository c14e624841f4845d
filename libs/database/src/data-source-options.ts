import type { DataSourceOptions } from 'typeorm';
import { ItemHistoricalPricingEntity } from './entities/item-historical-pricing.entity.js';
import { ItemHistoryVersionEntity } from './entities/item-history-version.entity.js';
import { PriceImportEntity } from './entities/price-import.entity.js';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema.js';
import { ItemPriceIndex1763800000000 } from './migrations/1763800000000-item-price-index.js';

export const entities = [ItemHistoricalPricingEntity, PriceImportEntity, ItemHistoryVersionEntity];
export const migrations = [InitialSchema1763700000000, ItemPriceIndex1763800000000];

/** Schema comes only from migrations: `synchronize` stays off everywhere. */
export function dataSourceOptions(databaseUrl: string, poolSize = Number(process.env.DB_POOL_SIZE ?? 10)): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    // Fail fast when the database is gone: requests answer 503 within 2 s instead of queueing.
    extra: { max: poolSize, connectionTimeoutMillis: 1500 },
  };
}
