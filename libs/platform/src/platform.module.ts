import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { engineByName, PriceModelRegistry } from '#libs/anomaly-detection';
import { AlertOutboxStore, dataSourceOptions, ItemCatalogReader, ItemPricesReader, ReadReplicas, PriceAlertsStore, PriceFeedStore, PriceHistoryBulkLoader, type OutboxDestination } from '#libs/database';
import { SERVICE_CONFIG, type ServiceConfig } from './config/service-config.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import { ApiKeyGuard } from './security/api-key.guard.js';
import { FixedWindowThrottlerStorage } from './security/fixed-window.throttler-storage.js';
import { FeedRuntime } from './feed/feed-runtime.js';
import { ReplicasRuntime } from './replicas/replicas-runtime.js';
import { ModelSyncRuntime } from './models/model-sync.runtime.js';
import { CsvUploadReceiver } from './upload/csv-upload.receiver.js';

/** Where new alerts must go: an outbox row per configured destination. */
function outboxDestinations(config: ServiceConfig): OutboxDestination[] {
  return [...(config.alertWebhookUrl ? ['webhook' as const] : []), ...(config.amqpUrl ? ['amqp' as const] : [])];
}

/**
 * Everything both apps run alike, so each app module lists only its own controllers and logic:
 * configuration, the database connection and its shared readers and loader, API keys and rate limits on every route (health is
 * never limited: orchestrators poll it), metrics, health, the model registry and the upload receiver.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: config.rateLimit.windowMs, limit: config.rateLimit.max }],
          storage: new FixedWindowThrottlerStorage(),
          skipIf: (context) => context.switchToHttp().getRequest<Request>().path.startsWith('/health'),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        // One model cache per process: bounded LRU keyed by item and history version.
        { provide: PriceModelRegistry, useFactory: () => new PriceModelRegistry(engineByName(config.anomalyEngine), config.modelCache) },
        { provide: AlertOutboxStore, useFactory: (dataSource: DataSource) => new AlertOutboxStore(dataSource), inject: [DataSource] },
        {
          provide: ServiceMetrics,
          useFactory: (models: PriceModelRegistry, dataSource: DataSource, store: AlertOutboxStore, replicas: ReadReplicas) =>
            new ServiceMetrics(models, dataSource, { store, destinations: outboxDestinations(config) }, replicas),
          inject: [PriceModelRegistry, DataSource, AlertOutboxStore, ReadReplicas],
        },
        FeedRuntime,
        // One per process: version lookups batch per event-loop turn, and the outage fallback remembers versions.
        { provide: ItemPricesReader, useFactory: (dataSource: DataSource, replicas: ReadReplicas) => new ItemPricesReader(dataSource, config.staleModelMaxAgeMs, replicas), inject: [DataSource, ReadReplicas] },
        ReplicasRuntime,
        ModelSyncRuntime,
        {
          provide: ReadReplicas,
          useFactory: (dataSource: DataSource) => new ReadReplicas(config.replicaUrls, dataSource, { maxLagMs: config.replicaMaxLagMs, checkIntervalMs: 1000, poolSize: 4 }),
          inject: [DataSource],
        },
        { provide: PriceHistoryBulkLoader, useFactory: (dataSource: DataSource) => new PriceHistoryBulkLoader(dataSource), inject: [DataSource] },
        // Outbox rows only when someone will deliver them.
        { provide: PriceFeedStore, useFactory: (dataSource: DataSource) => new PriceFeedStore(dataSource, { outbox: outboxDestinations(config) }), inject: [DataSource] },
        { provide: PriceAlertsStore, useFactory: (dataSource: DataSource) => new PriceAlertsStore(dataSource), inject: [DataSource] },
        CsvUploadReceiver,
        { provide: ItemCatalogReader, useFactory: (dataSource: DataSource) => new ItemCatalogReader(dataSource), inject: [DataSource] },
      ],
      exports: [SERVICE_CONFIG, PriceModelRegistry, ItemPricesReader, ItemCatalogReader, ReadReplicas, PriceHistoryBulkLoader, PriceFeedStore, PriceAlertsStore, ServiceMetrics, CsvUploadReceiver, FeedRuntime],
    };
  }
}
