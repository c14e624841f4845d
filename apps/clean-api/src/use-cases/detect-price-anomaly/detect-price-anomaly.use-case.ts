import { Injectable } from '@nestjs/common';
import { judgeMany } from '#libs/anomaly-detection';
import type { AnomalyVerdict, PriceCheck } from '../../domain/anomaly-verdict.js';
import { ItemNotFoundError } from '../../domain/errors.js';
import { AnomalyModels } from './anomaly-models.port.js';
import { ItemPrices } from './item-prices.port.js';

/** Judges prices against each item's own history. The checked prices are never stored. */
@Injectable()
export class DetectPriceAnomalyUseCase {
  constructor(
    private readonly itemPrices: ItemPrices,
    private readonly models: AnomalyModels,
  ) {}

  async execute(itemId: string, price: number, sensitivity?: number): Promise<AnomalyVerdict> {
    const [verdict] = await this.executeBatch([{ itemId, price }], sensitivity);
    if (!verdict) throw new ItemNotFoundError(itemId);
    return verdict;
  }

  /** In order; `null` for an entry whose item has no history. One version lookup and one model per distinct item. */
  executeBatch(checks: readonly PriceCheck[], sensitivity?: number): Promise<(AnomalyVerdict | null)[]> {
    return judgeMany(checks, this.itemPrices, this.models, sensitivity);
  }
}
