import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { migrateDatabase } from '../../../libs/database/src/index.js';
import type { CleanApiConfig } from './clean-api.config.js';
import { CleanApiModule } from './clean-api.module.js';
import { HttpErrorFilter } from './entry-points/http/http-error.filter.js';
import { requestValidationPipe } from './entry-points/http/request-validation.js';

/** The configured app, not yet listening: main.ts and the e2e tests build it the same way. */
export async function createCleanApi(config: CleanApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(CleanApiModule.forRoot(config), { logger: ['error', 'warn'] });
  app.useBodyParser('json', { limit: '64kb' });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  await migrateDatabase(app.get(DataSource));
  return app;
}
