export * from './bulk-load/price-history-bulk-loader.js';
export * from './data-source-options.js';
export * from './database-failure.js';
export * from './embedded/embedded-postgres-server.js';
export * from './migrate.js';
export * from './reads/item-prices.reader.js';
export * from './reads/price-history.cursor.js';
