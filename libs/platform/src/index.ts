export * from './config/service-config.js';
export * from './http/json-array-stream.js';
export * from './http/serve-http-app.js';
export * from './platform.module.js';
export * from './upload/csv-upload.receiver.js';
export { CallerKeyId } from './security/api-key.guard.js';
export { FeedRuntime } from './feed/feed-runtime.js';
