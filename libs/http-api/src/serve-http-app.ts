import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { migrateDatabase } from '../../database/src/index.js';
import { configureHttpApp } from './configure-http-app.js';
import { serveOpenApi } from './openapi.js';
import type { ErrorTranslator } from './errors/contract-error.filter.js';
import { configFromEnv, type ServiceConfig } from './service-config.js';

/** Builds an app the way both apps are built: contract setup, then migrations (idempotent, locked). */
export async function createHttpApp(name: string, module: DynamicModule, translateErrors?: ErrorTranslator): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: ['error', 'warn'] });
  configureHttpApp(app, translateErrors);
  serveOpenApi(app, `Price anomaly service (${name})`);
  await migrateDatabase(app.get(DataSource));
  return app;
}

/** An app's main: configuration from the environment, then listen and say where. */
export async function serveHttpApp(name: string, defaultPort: number, module: (config: ServiceConfig) => DynamicModule, translateErrors?: ErrorTranslator): Promise<void> {
  const config = configFromEnv(defaultPort);
  const app = await createHttpApp(name, module(config), translateErrors);
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  const { port } = app.getHttpServer().address() as AddressInfo; // PORT=0 picks a free one
  console.log(`${name} listening on http://localhost:${port}`);
}
