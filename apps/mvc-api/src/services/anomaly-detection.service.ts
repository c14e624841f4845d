import { Injectable } from '@nestjs/common';
import { PriceModelRegistry, type AnomalyVerdict } from '#libs/anomaly-detection';
import { ItemPricesReader } from '#libs/database';
import { ItemNotFoundError } from '#libs/errors';

/** Judges a price with the item's cached model, retrained whenever its history version changed. */
@Injectable()
export class AnomalyDetectionService {
  constructor(
    private readonly itemPrices: ItemPricesReader,
    private readonly models: PriceModelRegistry,
  ) {}

  async detect(itemId: string, price: number): Promise<AnomalyVerdict> {
    const current = await this.itemPrices.versionOf(itemId);
    const model = current === null ? null : await this.models.modelFor(itemId, current.version, () => this.itemPrices.pricesOf(itemId));
    if (!model) throw new ItemNotFoundError(itemId);
    return model.judge(price, { stale: current!.stale });
  }
}
