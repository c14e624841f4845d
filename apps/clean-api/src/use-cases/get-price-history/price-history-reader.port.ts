import type { HistoryWindow, PricePoint } from '../../domain/price-point.js';

export abstract class PriceHistoryReader {
  /** The item's orders, oldest first (ties in insertion order), streamed: never all in memory. */
  abstract stream(itemId: string, window: HistoryWindow): AsyncIterable<PricePoint>;
}
