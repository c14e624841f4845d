import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  AlertIdParamsDto, alertJson, alertPageResponse, ListAlertsQueryDto, ListAlertsRoute, observationsOf, PostPricesRequestDto, postPricesResponse, PostPricesRoute,
  ResolveAlertRequestDto, ResolveAlertRoute,
} from '#libs/http-contract';
import { CallerKeyId } from '#libs/platform';
import { IngestPricesUseCase } from '../../use-cases/ingest-prices/ingest-prices.use-case.js';
import { ListAlertsUseCase } from '../../use-cases/list-alerts/list-alerts.use-case.js';
import { ResolveAlertUseCase } from '../../use-cases/resolve-alert/resolve-alert.use-case.js';

@Controller()
export class PriceFeedController {
  constructor(
    private readonly ingestPrices: IngestPricesUseCase,
    private readonly listAlerts: ListAlertsUseCase,
    private readonly resolveAlert: ResolveAlertUseCase,
  ) {}

  @PostPricesRoute()
  async prices(@Body() body: PostPricesRequestDto) {
    return postPricesResponse(await this.ingestPrices.execute(observationsOf(body)));
  }

  @ListAlertsRoute()
  async alerts(@Query() query: ListAlertsQueryDto) {
    return alertPageResponse(await this.listAlerts.execute({ status: query.status, itemId: query.item_id, limit: query.limit ?? 50, cursor: query.cursor }));
  }

  @ResolveAlertRoute()
  async resolve(@Param() params: AlertIdParamsDto, @Body() body: ResolveAlertRequestDto, @CallerKeyId() keyId: string | null) {
    return alertJson(await this.resolveAlert.execute(params.alert_id, body.resolution, body.note ?? null, keyId));
  }
}
