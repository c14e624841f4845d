import { Body, Controller } from '@nestjs/common';
import {
  DetectAnomalyBatchRequestDto, detectAnomalyBatchResponse, DetectAnomalyBatchRoute, DetectAnomalyRequestDto, detectAnomalyResponse, DetectAnomalyRoute,
} from '#libs/http-contract';
import { DetectPriceAnomalyUseCase } from '../../use-cases/detect-price-anomaly/detect-price-anomaly.use-case.js';

@Controller()
export class AnomalyController {
  constructor(private readonly detectPriceAnomaly: DetectPriceAnomalyUseCase) {}

  @DetectAnomalyRoute()
  async detect(@Body() body: DetectAnomalyRequestDto) {
    return detectAnomalyResponse(body.item_id, body.price, await this.detectPriceAnomaly.execute(body.item_id, body.price, body.sensitivity));
  }

  @DetectAnomalyBatchRoute()
  async detectBatch(@Body() body: DetectAnomalyBatchRequestDto) {
    const checks = body.prices.map(({ item_id, price }) => ({ itemId: item_id, price }));
    return detectAnomalyBatchResponse(body.prices, await this.detectPriceAnomaly.executeBatch(checks, body.sensitivity));
  }
}
