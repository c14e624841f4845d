import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DetectAnomalyRequestDto, detectAnomalyResponse } from '../../../../../libs/http-api/src/index.js';
import { DetectPriceAnomalyUseCase } from '../../use-cases/detect-price-anomaly/detect-price-anomaly.use-case.js';

@ApiTags('detection')
@Controller()
export class AnomalyController {
  constructor(private readonly detectPriceAnomaly: DetectPriceAnomalyUseCase) {}

  @Post('detectAnomaly')
  @HttpCode(200)
  @ApiOperation({ summary: "Is this price abnormal for the item? Judged against the item's own history; not stored" })
  @ApiOkResponse({ description: '{item_id, price, anomaly, metadata, status_code: 200}' })
  @ApiNotFoundResponse({ description: 'ITEM_NOT_FOUND: No existe el item_id en el historico de precios' })
  @ApiBadRequestResponse({ description: 'VALIDATION_ERROR' })
  async detect(@Body() body: DetectAnomalyRequestDto) {
    return detectAnomalyResponse(body.item_id, body.price, await this.detectPriceAnomaly.execute(body.item_id, body.price));
  }
}
