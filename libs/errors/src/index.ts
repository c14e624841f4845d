export * from './service-error.js';
export * from './contract-messages.js';
export * from './request-errors.js';
export * from './item-errors.js';
export * from './upload-errors.js';
export * from './database-errors.js';
export * from './alert-errors.js';
