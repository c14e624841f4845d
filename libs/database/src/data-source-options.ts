import type { DataSourceOptions } from 'typeorm';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema.js';
import { ItemPriceIndex1763800000000 } from './migrations/1763800000000-item-price-index.js';
import { CoveringHistoryIndex1764600000000 } from './migrations/1764600000000-covering-history-index.js';
import { PriceFeed1764700000000 } from './migrations/1764700000000-price-feed.js';

export const migrations = [InitialSchema1763700000000, ItemPriceIndex1763800000000, CoveringHistoryIndex1764600000000, PriceFeed1764700000000];

/**
 * Schema comes only from migrations (`synchronize` stays off everywhere), and every query is SQL
 * of our own (COPY, index-only reads, cursors): no entities, so none can drift from the schema.
 */
export function dataSourceOptions(databaseUrl: string, poolSize = Number(process.env.DB_POOL_SIZE ?? 10)): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [],
    migrations,
    synchronize: false,
    migrationsRun: false,
    // Fail fast when the database is gone: requests answer 503 within 2 s instead of queueing.
    extra: { max: poolSize, connectionTimeoutMillis: 1500 },
  };
}
