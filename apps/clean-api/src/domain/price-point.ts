/** One order of an item's history. `price` holds the stored 4-decimal value exactly. */
export interface PricePoint {
  itemId: string;
  ordClosedDt: string;
  price: number;
}

/** Inclusive date bounds (`YYYY-MM-DD`) and paging of a history read. */
export interface HistoryWindow {
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}
