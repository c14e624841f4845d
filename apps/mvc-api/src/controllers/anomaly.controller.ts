import { Body, Controller } from '@nestjs/common';
import {
  DetectAnomalyBatchRequestDto, detectAnomalyBatchResponse, DetectAnomalyBatchRoute, DetectAnomalyRequestDto, detectAnomalyResponse, DetectAnomalyRoute,
} from '#libs/http-contract';
import { AnomalyDetectionService } from '../services/anomaly-detection.service.js';

@Controller()
export class AnomalyController {
  constructor(private readonly anomalyDetection: AnomalyDetectionService) {}

  @DetectAnomalyRoute()
  async detect(@Body() body: DetectAnomalyRequestDto) {
    return detectAnomalyResponse(body.item_id, body.price, await this.anomalyDetection.detect(body.item_id, body.price, body.sensitivity));
  }

  @DetectAnomalyBatchRoute()
  async detectBatch(@Body() body: DetectAnomalyBatchRequestDto) {
    const checks = body.prices.map(({ item_id, price }) => ({ itemId: item_id, price }));
    return detectAnomalyBatchResponse(body.prices, await this.anomalyDetection.detectBatch(checks, body.sensitivity));
  }
}
