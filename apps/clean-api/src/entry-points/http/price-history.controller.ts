import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PricePoint } from '../../domain/price-point.js';
import { GetPriceHistoryUseCase } from '../../use-cases/get-price-history/get-price-history.use-case.js';
import { HistoryQueryDto } from './dto/history-query.dto.js';
import { ItemIdParamsDto } from './dto/item-id.params.dto.js';
import { jsonArrayStream } from './json-array-stream.js';

const toJson = (point: PricePoint) =>
  `{"item_id":${JSON.stringify(point.itemId)},"ord_closed_dt":"${point.ordClosedDt}","price":${point.price}}`;

@ApiTags('history')
@Controller()
export class PriceHistoryController {
  constructor(private readonly getPriceHistory: GetPriceHistoryUseCase) {}

  @Get('historicalPricingByIdItem/:item_id')
  @ApiOperation({ summary: "An item's order prices, oldest first; [] for an unknown item" })
  @ApiOkResponse({ description: 'Streamed JSON array of {item_id, ord_closed_dt, price}' })
  @ApiBadRequestResponse({ description: 'Malformed item_id or query parameter (VALIDATION_ERROR)' })
  history(@Param() params: ItemIdParamsDto, @Query() query: HistoryQueryDto): Promise<StreamableFile> {
    return jsonArrayStream(this.getPriceHistory.execute(params.item_id, query), toJson);
  }
}
