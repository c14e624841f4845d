export * from './dto/detect-anomaly.request.dto.js';
export * from './dto/history-query.dto.js';
export * from './dto/item-id.params.dto.js';
export * from './errors/error-status.js';
export * from './responses/contract-messages.js';
export * from './responses/contract-responses.js';
export * from './routes/contract-routes.js';
export * from './routes/route-access.js';
