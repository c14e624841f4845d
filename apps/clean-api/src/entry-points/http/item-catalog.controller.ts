import { Controller, Param, Query } from '@nestjs/common';
import { DailyPricesRoute, dailyPricesResponse, ItemCatalogQueryDto, ItemIdParamsDto, itemListResponse, ListItemsRoute } from '#libs/http-contract';
import { GetDailyPricesUseCase } from '../../use-cases/get-daily-prices/get-daily-prices.use-case.js';
import { ListItemsUseCase } from '../../use-cases/list-items/list-items.use-case.js';

@Controller()
export class ItemCatalogController {
  constructor(
    private readonly listItems: ListItemsUseCase,
    private readonly dailyPrices: GetDailyPricesUseCase,
  ) {}

  @ListItemsRoute()
  async list(@Query() query: ItemCatalogQueryDto) {
    return itemListResponse(await this.listItems.execute({ prefix: query.prefix ?? '', limit: query.limit ?? 10, order: query.order ?? 'item_id' }));
  }

  @DailyPricesRoute()
  async daily(@Param() params: ItemIdParamsDto) {
    return dailyPricesResponse(params.item_id, await this.dailyPrices.execute(params.item_id));
  }
}
