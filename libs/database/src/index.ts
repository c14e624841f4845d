export * from './bulk-load/price-csv-rejected.error.js';
export * from './bulk-load/price-history-bulk-loader.js';
export * from './data-source-options.js';
export * from './embedded/embedded-postgres-server.js';
export * from './entities/item-historical-pricing.entity.js';
export * from './entities/item-history-version.entity.js';
export * from './entities/price-import.entity.js';
export * from './migrate.js';
