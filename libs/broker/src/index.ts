export * from './alert-publisher.js';
export * from './broker-connection.js';
export * from './observation-consumer.js';
export * from './topology.js';
