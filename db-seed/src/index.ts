export * from './seed-database.js';
