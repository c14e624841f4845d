import { DataSource } from 'typeorm';
import { PriceModelRegistry } from '../../../anomaly-detection/src/index.js';
import { ServiceMetrics } from './service-metrics.js';

/** Added to an app module that provides a PriceModelRegistry and a TypeORM DataSource. */
export const metricsProviders = [
  { provide: ServiceMetrics, useFactory: (models: PriceModelRegistry, dataSource: DataSource) => new ServiceMetrics(models, dataSource), inject: [PriceModelRegistry, DataSource] },
];
