import { Module, type DynamicModule } from '@nestjs/common';
import { PriceModelRegistry } from '#libs/anomaly-detection';
import { PlatformModule, type ServiceConfig } from '#libs/platform';
import { PriceHistoryCopyImporter } from './adapters/persistence/price-history.copy-importer.js';
import { PriceFeedPgRepository } from './adapters/persistence/price-feed.pg.repository.js';
import { PriceHistoryTypeOrmRepository } from './adapters/persistence/price-history.typeorm.repository.js';
import { PriceObservationsConsumer } from './entry-points/amqp/price-observations.consumer.js';
import { AnomalyController } from './entry-points/http/anomaly.controller.js';
import { ItemCatalogController } from './entry-points/http/item-catalog.controller.js';
import { ItemCatalogPgRepository } from './adapters/persistence/item-catalog.pg.repository.js';
import { ItemCatalog } from './use-cases/list-items/item-catalog.port.js';
import { ListItemsUseCase } from './use-cases/list-items/list-items.use-case.js';
import { GetDailyPricesUseCase } from './use-cases/get-daily-prices/get-daily-prices.use-case.js';
import { ConsoleModule } from '#libs/console';
import { CsvImportController } from './entry-points/http/csv-import.controller.js';
import { ItemReportController } from './entry-points/http/item-report.controller.js';
import { PriceFeedController } from './entry-points/http/price-feed.controller.js';
import { PriceHistoryController } from './entry-points/http/price-history.controller.js';
import { AnomalyModels } from './use-cases/detect-price-anomaly/anomaly-models.port.js';
import { DetectPriceAnomalyUseCase } from './use-cases/detect-price-anomaly/detect-price-anomaly.use-case.js';
import { ItemPrices } from './use-cases/detect-price-anomaly/item-prices.port.js';
import { GetItemReportUseCase } from './use-cases/get-item-report/get-item-report.use-case.js';
import { GetPriceHistoryUseCase } from './use-cases/get-price-history/get-price-history.use-case.js';
import { IngestPricesUseCase } from './use-cases/ingest-prices/ingest-prices.use-case.js';
import { PriceFeed } from './use-cases/ingest-prices/price-feed.port.js';
import { ListAlertsUseCase } from './use-cases/list-alerts/list-alerts.use-case.js';
import { PriceAlerts } from './use-cases/resolve-alert/price-alerts.port.js';
import { ResolveAlertUseCase } from './use-cases/resolve-alert/resolve-alert.use-case.js';
import { PriceHistoryReader } from './use-cases/get-price-history/price-history-reader.port.js';
import { ImportPriceHistoryUseCase } from './use-cases/import-price-history/import-price-history.use-case.js';
import { PriceHistoryImporter } from './use-cases/import-price-history/price-history-importer.port.js';

/** Wires ports (abstract classes) to their adapters; entry points only see use cases. The rest is the platform's. */
@Module({})
export class CleanApiModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: CleanApiModule,
      imports: [PlatformModule.forRoot(config), ConsoleModule],
      controllers: [PriceHistoryController, AnomalyController, ItemReportController, CsvImportController, PriceFeedController, ItemCatalogController],
      providers: [
        GetPriceHistoryUseCase,
        DetectPriceAnomalyUseCase,
        ImportPriceHistoryUseCase,
        GetItemReportUseCase,
        IngestPricesUseCase,
        ListAlertsUseCase,
        ResolveAlertUseCase,
        ListItemsUseCase,
        GetDailyPricesUseCase,
        { provide: ItemCatalog, useClass: ItemCatalogPgRepository },
        PriceHistoryTypeOrmRepository,
        { provide: PriceHistoryReader, useExisting: PriceHistoryTypeOrmRepository },
        { provide: ItemPrices, useExisting: PriceHistoryTypeOrmRepository },
        { provide: PriceHistoryImporter, useClass: PriceHistoryCopyImporter },
        PriceFeedPgRepository,
        PriceObservationsConsumer,
        { provide: PriceFeed, useExisting: PriceFeedPgRepository },
        { provide: PriceAlerts, useExisting: PriceFeedPgRepository },
        // The platform's model registry is the AnomalyModels port: bounded LRU keyed by item and version.
        { provide: AnomalyModels, useExisting: PriceModelRegistry },
      ],
    };
  }
}
