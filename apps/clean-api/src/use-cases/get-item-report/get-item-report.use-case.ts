import { Injectable } from '@nestjs/common';
import { currentModel, reportOnHistory } from '#libs/anomaly-detection';
import type { HistoryReport } from '../../domain/anomaly-verdict.js';
import { ItemNotFoundError } from '../../domain/errors.js';
import { AnomalyModels, type AnomalyModel } from '../detect-price-anomaly/anomaly-models.port.js';
import { ItemPrices } from '../detect-price-anomaly/item-prices.port.js';
import { PriceHistoryReader } from '../get-price-history/price-history-reader.port.js';

export interface ItemReport {
  itemId: string;
  version: string;
  model: AnomalyModel;
  report: HistoryReport;
}

/** An item's summary and the past orders its current model flags, so a user can clean an export. */
@Injectable()
export class GetItemReportUseCase {
  constructor(
    private readonly itemPrices: ItemPrices,
    private readonly models: AnomalyModels,
    private readonly history: PriceHistoryReader,
  ) {}

  async execute(itemId: string, sensitivity?: number): Promise<ItemReport> {
    const current = await currentModel(itemId, this.itemPrices, this.models);
    if (!current) throw new ItemNotFoundError(itemId);
    return { itemId, version: current.version, model: current.model, report: await reportOnHistory(current.model, {
      summary: () => this.history.summary(itemId),
      ordersOutside: (below, above) => this.history.ordersOutside(itemId, below, above),
    }, sensitivity) };
  }
}
