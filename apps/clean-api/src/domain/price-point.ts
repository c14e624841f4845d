/** The history's shared vocabulary is defined once, framework-free, in libs/price-history. */
export type { HistoryWindow, ImportOutcome, ItemVersion, VersionedPrices } from '#libs/price-history';

/** One order of an item's history. `price` holds the stored 4-decimal value exactly. */
export interface PricePoint {
  itemId: string;
  ordClosedDt: string;
  price: number;
}
