import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryQueryDto, historyRowJson, ItemIdParamsDto, jsonArrayStream } from '../../../../../libs/http-api/src/index.js';
import { GetPriceHistoryUseCase } from '../../use-cases/get-price-history/get-price-history.use-case.js';

@ApiTags('history')
@Controller()
export class PriceHistoryController {
  constructor(private readonly getPriceHistory: GetPriceHistoryUseCase) {}

  @Get('historicalPricingByIdItem/:item_id')
  @ApiOperation({ summary: "An item's order prices, oldest first; [] for an unknown item" })
  @ApiOkResponse({ description: 'Streamed JSON array of {item_id, ord_closed_dt, price}' })
  @ApiBadRequestResponse({ description: 'Malformed item_id or query parameter (VALIDATION_ERROR)' })
  history(@Param() params: ItemIdParamsDto, @Query() query: HistoryQueryDto): Promise<StreamableFile> {
    return jsonArrayStream(this.getPriceHistory.execute(params.item_id, query), (point) => historyRowJson(point.itemId, point));
  }
}
