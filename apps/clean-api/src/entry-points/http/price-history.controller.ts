import { Controller, Param, Query, StreamableFile } from '@nestjs/common';
import { HistoryQueryDto, HistoryRoute, historyRowJson, ItemIdParamsDto } from '#libs/http-contract';
import { jsonArrayStream } from '#libs/platform';
import { GetPriceHistoryUseCase } from '../../use-cases/get-price-history/get-price-history.use-case.js';

@Controller()
export class PriceHistoryController {
  constructor(private readonly getPriceHistory: GetPriceHistoryUseCase) {}

  @HistoryRoute()
  history(@Param() params: ItemIdParamsDto, @Query() query: HistoryQueryDto): Promise<StreamableFile> {
    return jsonArrayStream(this.getPriceHistory.execute(params.item_id, query), (point) => historyRowJson(point.itemId, point));
  }
}
