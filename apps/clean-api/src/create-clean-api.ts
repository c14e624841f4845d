import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { migrateDatabase } from '../../../libs/database/src/index.js';
import type { CleanApiConfig } from './clean-api.config.js';
import { CleanApiModule } from './clean-api.module.js';
import { configureHttpApp } from '../../../libs/http-api/src/index.js';
import { translateDomainError } from './entry-points/http/domain-error.translator.js';

/** The configured app, not yet listening: main.ts and the e2e tests build it the same way. */
export async function createCleanApi(config: CleanApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(CleanApiModule.forRoot(config), { logger: ['error', 'warn'] });
  configureHttpApp(app, translateDomainError);
  await migrateDatabase(app.get(DataSource));
  return app;
}
