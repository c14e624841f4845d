import { Controller, Param, Query, StreamableFile } from '@nestjs/common';
import { HistoryQueryDto, HistoryRoute, historyRowJson, ItemIdParamsDto } from '#libs/http-contract';
import { jsonArrayStream } from '#libs/platform';
import { PriceHistoryService } from '../services/price-history.service.js';

@Controller()
export class PriceHistoryController {
  constructor(private readonly priceHistory: PriceHistoryService) {}

  @HistoryRoute()
  history(@Param() params: ItemIdParamsDto, @Query() query: HistoryQueryDto): Promise<StreamableFile> {
    return jsonArrayStream(this.priceHistory.history(params.item_id, query), (row) => historyRowJson(params.item_id, row));
  }
}
