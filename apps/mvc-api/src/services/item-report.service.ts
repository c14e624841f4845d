import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentModel, PriceModelRegistry, reportOnHistory, type HistoryReport, type PriceAnomalyModel } from '#libs/anomaly-detection';
import { historySummary, ItemPricesReader, streamOrdersOutside } from '#libs/database';
import { ItemNotFoundError } from '#libs/errors';

/** An item's summary and the past orders its current model flags. */
@Injectable()
export class ItemReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly itemPrices: ItemPricesReader,
    private readonly models: PriceModelRegistry,
  ) {}

  async report(itemId: string, sensitivity?: number): Promise<{ itemId: string; version: string; model: PriceAnomalyModel; report: HistoryReport }> {
    const current = await currentModel(itemId, this.itemPrices, this.models);
    if (!current) throw new ItemNotFoundError(itemId);
    return { itemId, version: current.version, model: current.model, report: await reportOnHistory(current.model, {
      summary: () => historySummary(this.dataSource, itemId),
      ordersOutside: (below, above) => streamOrdersOutside(this.dataSource, itemId, below, above),
    }, sensitivity) };
  }
}
