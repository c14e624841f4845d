import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ContractErrorFilter, type ErrorTranslator } from './errors/contract-error.filter.js';
import { requestValidationPipe } from './errors/request-validation.js';
import { requestLogger } from './logging/request-logger.js';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import type { ServiceConfig } from './service-config.js';

/** What both apps set up alike: small JSON bodies, validation at the edge, the error contract. Shutdown: serve-http-app.ts. */
export function configureHttpApp(app: NestExpressApplication, config: ServiceConfig, translateErrors?: ErrorTranslator): void {
  app.use(requestLogger());
  // Security headers everywhere; Swagger UI needs inline scripts, so no CSP under /docs only.
  const strict = helmet();
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((request: Request, response: Response, next: NextFunction) => (request.path.startsWith('/docs') ? forDocs : strict)(request, response, next));
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins });
  app.use(httpMetricsMiddleware(app.get(ServiceMetrics)));
  app.useBodyParser('json', { limit: '64kb' });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ContractErrorFilter(translateErrors));
}
