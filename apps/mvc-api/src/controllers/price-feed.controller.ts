import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  AlertIdParamsDto, alertJson, alertPageResponse, ListAlertsQueryDto, ListAlertsRoute, observationsOf, PostPricesRequestDto, postPricesResponse, PostPricesRoute,
  ResolveAlertRequestDto, ResolveAlertRoute,
} from '#libs/http-contract';
import { CallerKeyId } from '#libs/platform';
import { PriceFeedService } from '../services/price-feed.service.js';

@Controller()
export class PriceFeedController {
  constructor(private readonly priceFeed: PriceFeedService) {}

  @PostPricesRoute()
  async prices(@Body() body: PostPricesRequestDto) {
    return postPricesResponse(await this.priceFeed.ingest(observationsOf(body)));
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
