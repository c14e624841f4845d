import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { migrateDatabase } from '#libs/database';
import { configFromEnv, type ServiceConfig } from '../config/service-config.js';
import { logger } from '../logging/request-logger.js';
import { configureHttpApp } from './configure-http-app.js';
import { serveOpenApi } from './openapi.js';
import { superviseWorkers } from './worker-cluster.js';

/** Builds an app the way both apps are built: contract setup, then migrations (idempotent, locked). */
export async function createHttpApp(name: string, config: ServiceConfig, module: DynamicModule): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: ['error', 'warn'] });
  configureHttpApp(app, config);
  serveOpenApi(app, `Price anomaly service (${name})`);
  await migrateDatabase(app.get(DataSource));
  return app;
}

/** An app's main: configuration from the environment, then listen and say where (in each of WORKERS processes). */
export async function serveHttpApp(name: string, defaultPort: number, module: (config: ServiceConfig) => DynamicModule): Promise<void> {
  const config = configFromEnv(defaultPort);
  if (config.workers > 1 && cluster.isPrimary) return superviseWorkers(name, config.workers);
  const app = await createHttpApp(name, config, module(config));
  // No total cap on receiving a request by default: a 1 GiB upload may take longer than Node's
  // 300 s; stalled uploads are caught by UPLOAD_IDLE_TIMEOUT_MS instead (csv-upload.receiver.ts).
  (app.getHttpServer() as Server).requestTimeout = config.requestTimeoutMs;
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  const { port } = app.getHttpServer().address() as AddressInfo; // PORT=0 picks a free one
  console.log(`${name} listening on http://localhost:${port}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutDown(app, name, config.shutdownTimeoutMs));
}

/**
 * Stop accepting connections, give in-flight requests up to `timeoutMs`, then cut what is left (an
 * unfinished import rolls back), and only then close the app and its pool. Nest's own close would
 * destroy the pool first, under requests still running.
 */
let shuttingDown = false;
async function shutDown(app: NestExpressApplication, name: string, timeoutMs: number): Promise<void> {
  // SIGINT from a terminal and SIGTERM from a supervisor may both arrive: one shutdown.
  if (shuttingDown) return;
  shuttingDown = true;
  const started = Date.now();
  const server = app.getHttpServer() as Server;
  const cut = setTimeout(() => server.closeAllConnections(), timeoutMs);
  const lastResort = setTimeout(() => process.exit(1), timeoutMs + 10_000);
  lastResort.unref();
  await new Promise((closed) => server.close(closed));
  clearTimeout(cut);
  await app.close();
  console.log(`${name} stopped in ${Date.now() - started} ms`);
  logger.flush(); // request logs are buffered
  process.exit(0);
}
