import { Injectable } from '@nestjs/common';
import type { AnomalyVerdict } from '../../domain/anomaly-verdict.js';
import { ItemNotFoundError } from '../../domain/errors.js';
import { AnomalyModels } from './anomaly-models.port.js';
import { ItemPrices } from './item-prices.port.js';

/** Judges a price against the item's own history. The checked price is never stored. */
@Injectable()
export class DetectPriceAnomalyUseCase {
  constructor(
    private readonly itemPrices: ItemPrices,
    private readonly models: AnomalyModels,
  ) {}

  async execute(itemId: string, price: number): Promise<AnomalyVerdict> {
    const current = await this.itemPrices.versionOf(itemId);
    const model = current === null ? null : await this.models.modelFor(itemId, current.version, () => this.itemPrices.pricesOf(itemId));
    if (!model) throw new ItemNotFoundError(itemId);
    return model.judge(price, { stale: current!.stale });
  }
}
