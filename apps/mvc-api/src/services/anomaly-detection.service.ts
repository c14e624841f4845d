import { Injectable } from '@nestjs/common';
import { ItemPricesReader } from '../../../../libs/database/src/index.js';
import { PriceModelRegistry, type AnomalyVerdict } from '../../../../libs/anomaly-detection/src/index.js';
import { ItemNotFoundHttpError } from '../../../../libs/http-api/src/index.js';

/** Judges a price with the item's cached model, retrained whenever its history version changed. */
@Injectable()
export class AnomalyDetectionService {
  constructor(
    private readonly itemPrices: ItemPricesReader,
    private readonly models: PriceModelRegistry,
  ) {}

  async detect(itemId: string, price: number): Promise<AnomalyVerdict> {
    const version = await this.itemPrices.versionOf(itemId);
    const model = version === null ? null : await this.models.modelFor(itemId, version, () => this.itemPrices.pricesOf(itemId));
    if (!model) throw new ItemNotFoundHttpError(itemId);
    return model.judge(price);
  }
}
