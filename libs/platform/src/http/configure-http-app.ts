import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { ServiceConfig } from '../config/service-config.js';
import { ServiceErrorFilter } from '../errors/service-error.filter.js';
import { requestLogger } from '../logging/request-logger.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { requestValidationPipe } from './request-validation.pipe.js';

/** JSON bodies of this API are a few hundred bytes; anything near this is not a request of ours. */
export const JSON_BODY_LIMIT = '64kb';
/** ...except a batch of up to 10,000 prices (about 90 bytes an entry at most)... */
export const BATCH_BODY_LIMIT = '1mb';
/** ...and up to 10,000 observations (an id and a date more: about 200 bytes at most). */
export const FEED_BODY_LIMIT = '2mb';

/** What both apps set up alike: small JSON bodies, validation at the edge, one error filter. Shutdown: serve-http-app.ts. */
export function configureHttpApp(app: NestExpressApplication, config: ServiceConfig): void {
  app.use(requestLogger());
  // Security headers everywhere; Swagger UI needs inline scripts, so no CSP under /docs only.
  const strict = helmet();
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((request: Request, response: Response, next: NextFunction) => (request.path.startsWith('/docs') ? forDocs : strict)(request, response, next));
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins });
  app.use(httpMetricsMiddleware(app.get(ServiceMetrics)));
  // Parsed here, the general parser then skips them.
  app.use('/detectAnomaly/batch', json({ limit: BATCH_BODY_LIMIT }));
  app.use('/prices', json({ limit: FEED_BODY_LIMIT }));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ServiceErrorFilter());
}
