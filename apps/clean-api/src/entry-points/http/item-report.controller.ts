import { Controller, Param, Query } from '@nestjs/common';
import { DEFAULT_DETECTION_POLICY } from '#libs/anomaly-detection';
import { ItemIdParamsDto, itemReportResponse, ItemReportQueryDto, ItemReportRoute } from '#libs/http-contract';
import { GetItemReportUseCase } from '../../use-cases/get-item-report/get-item-report.use-case.js';

@Controller()
export class ItemReportController {
  constructor(private readonly getItemReport: GetItemReportUseCase) {}

  @ItemReportRoute()
  async report(@Param() params: ItemIdParamsDto, @Query() query: ItemReportQueryDto) {
    const sensitivity = query.sensitivity ?? DEFAULT_DETECTION_POLICY.sensitivity;
    return itemReportResponse({ ...(await this.getItemReport.execute(params.item_id, sensitivity)), sensitivity });
  }
}
