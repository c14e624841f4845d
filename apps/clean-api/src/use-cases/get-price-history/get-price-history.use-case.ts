import { Injectable } from '@nestjs/common';
import type { HistoryWindow, PricePoint } from '../../domain/price-point.js';
import { PriceHistoryReader } from './price-history-reader.port.js';

/** An unknown item has an empty history (the old service's answer, which clients rely on). */
@Injectable()
export class GetPriceHistoryUseCase {
  constructor(private readonly history: PriceHistoryReader) {}

  execute(itemId: string, window: HistoryWindow = {}): AsyncIterable<PricePoint> {
    return this.history.stream(itemId, window);
  }
}
