import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { engineByName, PriceModelRegistry } from '../../../libs/anomaly-detection/src/index.js';
import { dataSourceOptions, ItemPricesReader, PriceHistoryBulkLoader } from '../../../libs/database/src/index.js';
import { HealthController, MetricsController, metricsProviders, SERVICE_CONFIG, type ServiceConfig } from '../../../libs/http-api/src/index.js';
import { SecurityModule } from '../../../libs/http-api/src/security/security.module.js';
import { AnomalyController } from './controllers/anomaly.controller.js';
import { CsvImportController } from './controllers/csv-import.controller.js';
import { PriceHistoryController } from './controllers/price-history.controller.js';
import { AnomalyDetectionService } from './services/anomaly-detection.service.js';
import { CsvImportService } from './services/csv-import.service.js';
import { PriceHistoryService } from './services/price-history.service.js';

/** Plain MVC: controllers call services, services use TypeORM and the shared libraries. */
@Module({})
export class MvcApiModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: MvcApiModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)), SecurityModule.forRoot(config), TerminusModule.forRoot({ logger: false })],
      controllers: [PriceHistoryController, AnomalyController, CsvImportController, HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        PriceHistoryService,
        AnomalyDetectionService,
        CsvImportService,
        { provide: ItemPricesReader, useFactory: (dataSource: DataSource) => new ItemPricesReader(dataSource), inject: [DataSource] },
        { provide: PriceHistoryBulkLoader, useFactory: (dataSource: DataSource) => new PriceHistoryBulkLoader(dataSource), inject: [DataSource] },
        { provide: PriceModelRegistry, useFactory: () => new PriceModelRegistry(engineByName(config.anomalyEngine), config.modelCache) },
        ...metricsProviders,
      ],
    };
  }
}
