import { Inject, Injectable } from '@nestjs/common';
import { engineByName, PriceModelRegistry } from '../../../../../libs/anomaly-detection/src/index.js';
import { SERVICE_CONFIG, type ServiceConfig } from '../../../../../libs/http-api/src/index.js';
import type { AnomalyModel, AnomalyModels } from '../../use-cases/detect-price-anomaly/anomaly-models.port.js';
import type { VersionedPrices } from '../../use-cases/detect-price-anomaly/item-prices.port.js';

/** Per-item models from the shared registry: bounded LRU keyed by item and history version. */
@Injectable()
export class CachedAnomalyModels implements AnomalyModels {
  readonly registry: PriceModelRegistry;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.registry = new PriceModelRegistry(engineByName(config.anomalyEngine), config.modelCache);
  }

  modelFor(itemId: string, version: string, loadPrices: () => Promise<VersionedPrices | null>): Promise<AnomalyModel | null> {
    return this.registry.modelFor(itemId, version, loadPrices);
  }
}
