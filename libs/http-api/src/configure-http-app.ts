import type { NestExpressApplication } from '@nestjs/platform-express';
import { ContractErrorFilter, type ErrorTranslator } from './errors/contract-error.filter.js';
import { requestValidationPipe } from './errors/request-validation.js';

/** What both apps set up alike: small JSON bodies, validation at the edge, the error contract. Shutdown: serve-http-app.ts. */
export function configureHttpApp(app: NestExpressApplication, translateErrors?: ErrorTranslator): void {
  app.useBodyParser('json', { limit: '64kb' });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ContractErrorFilter(translateErrors));
}
