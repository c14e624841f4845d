export * from './csv-problem.js';
export * from './price-csv-reader.js';
export * from './price-csv-validator.js';
export * from './price-row.js';
export * from './price-rules.js';
