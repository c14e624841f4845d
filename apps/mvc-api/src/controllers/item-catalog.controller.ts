import { Controller, Param, Query } from '@nestjs/common';
import { DailyPricesRoute, dailyPricesResponse, ItemCatalogQueryDto, ItemIdParamsDto, itemListResponse, ListItemsRoute } from '#libs/http-contract';
import { ItemCatalogService } from '../services/item-catalog.service.js';

@Controller()
export class ItemCatalogController {
  constructor(private readonly catalog: ItemCatalogService) {}

  @ListItemsRoute()
  async list(@Query() query: ItemCatalogQueryDto) {
    return itemListResponse(await this.catalog.list({ prefix: query.prefix ?? '', limit: query.limit ?? 10, order: query.order ?? 'item_id' }));
  }

  @DailyPricesRoute()
  async daily(@Param() params: ItemIdParamsDto) {
    return dailyPricesResponse(params.item_id, await this.catalog.daily(params.item_id));
  }
}
