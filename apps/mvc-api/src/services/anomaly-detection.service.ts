import { Injectable } from '@nestjs/common';
import { judgeMany, PriceModelRegistry, type AnomalyVerdict, type PriceCheck } from '#libs/anomaly-detection';
import { ItemPricesReader } from '#libs/database';
import { ItemNotFoundError } from '#libs/errors';

/** Judges prices with each item's cached model, retrained whenever its history version changed. */
@Injectable()
export class AnomalyDetectionService {
  constructor(
    private readonly itemPrices: ItemPricesReader,
    private readonly models: PriceModelRegistry,
  ) {}

  async detect(itemId: string, price: number, sensitivity?: number): Promise<AnomalyVerdict> {
    const [verdict] = await this.detectBatch([{ itemId, price }], sensitivity);
    if (!verdict) throw new ItemNotFoundError(itemId);
    return verdict;
  }

  /** In order; `null` for an entry whose item has no history. One version lookup and one model per distinct item. */
  detectBatch(checks: readonly PriceCheck[], sensitivity?: number): Promise<(AnomalyVerdict | null)[]> {
    return judgeMany(checks, this.itemPrices, this.models, sensitivity);
  }
}
