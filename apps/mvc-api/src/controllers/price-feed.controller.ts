import { Body, Controller, Param, Query } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AlertIdParamsDto, alertJson, alertPageResponse, ListAlertsQueryDto, ListAlertsRoute, PostPricesRequestDto, postPricesResponse, PostPricesRoute,
  ResolveAlertRequestDto, ResolveAlertRoute,
} from '#libs/http-contract';
import { CallerKeyId } from '#libs/platform';
import { PriceFeedService } from '../services/price-feed.service.js';

@Controller()
export class PriceFeedController {
  constructor(private readonly priceFeed: PriceFeedService) {}

  @PostPricesRoute()
  async prices(@Body() body: PostPricesRequestDto) {
    return postPricesResponse(await this.priceFeed.ingest(body.observations.map((o) => ({
      observationId: o.observation_id ?? randomUUID(), itemId: o.item_id, ordClosedDt: o.ord_closed_dt, price: o.price,
    }))));
  }

  @ListAlertsRoute()
  async alerts(@Query() query: ListAlertsQueryDto) {
    return alertPageResponse(await this.priceFeed.listAlerts({ status: query.status, itemId: query.item_id, limit: query.limit ?? 50, cursor: query.cursor }));
  }

  @ResolveAlertRoute()
  async resolve(@Param() params: AlertIdParamsDto, @Body() body: ResolveAlertRequestDto, @CallerKeyId() keyId: string | null) {
    return alertJson(await this.priceFeed.resolveAlert(params.alert_id, body.resolution, body.note ?? null, keyId));
  }
}
