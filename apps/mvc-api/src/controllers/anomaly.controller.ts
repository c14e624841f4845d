import { Body, Controller } from '@nestjs/common';
import { DetectAnomalyRequestDto, detectAnomalyResponse, DetectAnomalyRoute } from '#libs/http-contract';
import { AnomalyDetectionService } from '../services/anomaly-detection.service.js';

@Controller()
export class AnomalyController {
  constructor(private readonly anomalyDetection: AnomalyDetectionService) {}

  @DetectAnomalyRoute()
  async detect(@Body() body: DetectAnomalyRequestDto) {
    return detectAnomalyResponse(body.item_id, body.price, await this.anomalyDetection.detect(body.item_id, body.price));
  }
}
