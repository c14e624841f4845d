import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PriceModelRegistry } from '#libs/anomaly-detection';
import { HistoryAppendListener } from '#libs/database';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';

/**
 * Grows this process's models with the appends any process announces (the feed's batches): with
 * several workers or consumers, a model is grown wherever it is cached, not only where the batch
 * was committed. The registry grows a model only from the exact version an append started at.
 */
@Injectable()
export class ModelSyncRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('models');
  private readonly listener: HistoryAppendListener;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, models: PriceModelRegistry) {
    this.listener = new HistoryAppendListener(config.databaseUrl, (appends) => models.learn(appends), (message) => this.logger.warn(message));
  }

  onApplicationBootstrap(): void {
    this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }
}
