/** The history's shared vocabulary is defined once, framework-free, in libs/price-history. */
export {
  dayNumber, RECENT_ORDERS, type AlertFilter, type CatalogItem, type DailyPrices, type ItemListing, type AlertPage, type AlertResolution, type HistoryAppend, type HistoryRow, type HistoryWindow, type ImportOutcome, type ItemVersion,
  type JudgedObservation, type ObservationOutcome, type PriceAlert, type PriceObservation, type RecordedBatch, type VersionedPrices,
} from '#libs/price-history';

/** One order of an item's history. `price` holds the stored 4-decimal value exactly. */
export interface PricePoint {
  itemId: string;
  ordClosedDt: string;
  price: number;
}
