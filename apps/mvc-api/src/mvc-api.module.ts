import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceConfig } from '#libs/platform';
import { ConsoleModule } from '#libs/console';
import { ItemCatalogController } from './controllers/item-catalog.controller.js';
import { ItemCatalogService } from './services/item-catalog.service.js';
import { AnomalyController } from './controllers/anomaly.controller.js';
import { CsvImportController } from './controllers/csv-import.controller.js';
import { ItemReportController } from './controllers/item-report.controller.js';
import { PriceFeedController } from './controllers/price-feed.controller.js';
import { PriceObservationsConsumer } from './controllers/price-observations.consumer.js';
import { PriceHistoryController } from './controllers/price-history.controller.js';
import { AnomalyDetectionService } from './services/anomaly-detection.service.js';
import { CsvImportService } from './services/csv-import.service.js';
import { ItemReportService } from './services/item-report.service.js';
import { PriceFeedService } from './services/price-feed.service.js';
import { PriceHistoryService } from './services/price-history.service.js';

/** Plain MVC: controllers call services, services use the database and the shared libraries. The rest is the platform's. */
@Module({})
export class MvcApiModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: MvcApiModule,
      imports: [PlatformModule.forRoot(config), ConsoleModule],
      controllers: [PriceHistoryController, AnomalyController, ItemReportController, CsvImportController, PriceFeedController, ItemCatalogController],
      providers: [ItemCatalogService, PriceHistoryService, AnomalyDetectionService, ItemReportService, CsvImportService, PriceFeedService, PriceObservationsConsumer],
    };
  }
}
