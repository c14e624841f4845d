import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CACHE_LIMITS } from '../../libs/anomaly-detection/src/index.js';
import { createCleanApi } from '../../apps/clean-api/src/create-clean-api.js';

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

export interface AppSettings {
  databaseUrl: string;
  maxUploadBytes?: number;
  anomalyEngine?: string;
}

/** An app listening on a free loopback port, spoken to over real HTTP. */
export async function startCleanApi(settings: AppSettings): Promise<RunningApp> {
  const app: INestApplication = await createCleanApi({
    databaseUrl: settings.databaseUrl,
    port: 0,
    maxUploadBytes: settings.maxUploadBytes ?? 1024 ** 3,
    anomalyEngine: settings.anomalyEngine,
    modelCache: DEFAULT_CACHE_LIMITS,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => app.close() };
}
