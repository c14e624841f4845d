import { Controller, Param, Query } from '@nestjs/common';
import { DEFAULT_DETECTION_POLICY } from '#libs/anomaly-detection';
import { ItemIdParamsDto, itemReportResponse, ItemReportQueryDto, ItemReportRoute } from '#libs/http-contract';
import { ItemReportService } from '../services/item-report.service.js';

@Controller()
export class ItemReportController {
  constructor(private readonly itemReports: ItemReportService) {}

  @ItemReportRoute()
  async report(@Param() params: ItemIdParamsDto, @Query() query: ItemReportQueryDto) {
    const sensitivity = query.sensitivity ?? DEFAULT_DETECTION_POLICY.sensitivity;
    return itemReportResponse({ ...(await this.itemReports.report(params.item_id, sensitivity)), sensitivity });
  }
}
