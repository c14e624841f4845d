import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PriceModelRegistry, reportOnHistory, type HistoryReport, type PriceAnomalyModel } from '#libs/anomaly-detection';
import { ItemPricesReader, streamPriceHistory } from '#libs/database';
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
    const current = await this.itemPrices.versionOf(itemId);
    const model = current === null ? null : await this.models.modelFor(itemId, current.version, () => this.itemPrices.pricesOf(itemId));
    if (!model) throw new ItemNotFoundError(itemId);
    return { itemId, version: current!.version, model, report: await reportOnHistory(model, streamPriceHistory(this.dataSource, itemId, {}), sensitivity) };
  }
}
