import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '../../../libs/database/src/index.js';
import { engineByName, PriceModelRegistry } from '../../../libs/anomaly-detection/src/index.js';
import { HealthController, MetricsController, metricsProviders, SERVICE_CONFIG, type ServiceConfig } from '../../../libs/http-api/src/index.js';
import { SecurityModule } from '../../../libs/http-api/src/security/security.module.js';
import { PriceHistoryCopyImporter } from './adapters/persistence/price-history.copy-importer.js';
import { PriceHistoryTypeOrmRepository } from './adapters/persistence/price-history.typeorm.repository.js';
import { AnomalyController } from './entry-points/http/anomaly.controller.js';
import { CsvImportController } from './entry-points/http/csv-import.controller.js';
import { PriceHistoryController } from './entry-points/http/price-history.controller.js';
import { AnomalyModels } from './use-cases/detect-price-anomaly/anomaly-models.port.js';
import { DetectPriceAnomalyUseCase } from './use-cases/detect-price-anomaly/detect-price-anomaly.use-case.js';
import { ItemPrices } from './use-cases/detect-price-anomaly/item-prices.port.js';
import { GetPriceHistoryUseCase } from './use-cases/get-price-history/get-price-history.use-case.js';
import { PriceHistoryReader } from './use-cases/get-price-history/price-history-reader.port.js';
import { ImportPriceHistoryUseCase } from './use-cases/import-price-history/import-price-history.use-case.js';
import { PriceHistoryImporter } from './use-cases/import-price-history/price-history-importer.port.js';

/** Wires ports (abstract classes) to their adapters; entry points only see use cases. */
@Module({})
export class CleanApiModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: CleanApiModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)), SecurityModule.forRoot(config), TerminusModule.forRoot({ logger: false })],
      controllers: [PriceHistoryController, AnomalyController, CsvImportController, HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        GetPriceHistoryUseCase,
        DetectPriceAnomalyUseCase,
        ImportPriceHistoryUseCase,
        PriceHistoryTypeOrmRepository,
        { provide: PriceHistoryReader, useExisting: PriceHistoryTypeOrmRepository },
        { provide: ItemPrices, useExisting: PriceHistoryTypeOrmRepository },
        { provide: PriceHistoryImporter, useClass: PriceHistoryCopyImporter },
        { provide: PriceModelRegistry, useFactory: () => new PriceModelRegistry(engineByName(config.anomalyEngine), config.modelCache) },
        // The detection library's registry is the AnomalyModels port: bounded LRU keyed by item and version.
        { provide: AnomalyModels, useExisting: PriceModelRegistry },
        ...metricsProviders,
      ],
    };
  }
}
