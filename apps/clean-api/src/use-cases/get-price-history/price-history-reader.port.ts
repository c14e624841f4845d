import type { HistorySummary } from '../../domain/anomaly-verdict.js';
import type { HistoryRow, HistoryWindow, PricePoint } from '../../domain/price-point.js';

export abstract class PriceHistoryReader {
  /** The item's orders, oldest first (ties in insertion order), streamed: never all in memory. */
  abstract stream(itemId: string, window: HistoryWindow): AsyncIterable<PricePoint>;
  /** How many orders the item has, and its first and last day. */
  abstract summary(itemId: string): Promise<HistorySummary>;
  /** Its orders priced below `below` or above `above`, oldest first, a page at a time. */
  abstract ordersOutside(itemId: string, below: number, above: number): AsyncIterable<readonly HistoryRow[]>;
}
