/** A validated CSV row, values kept as their exact text (price never goes through a float). */
export interface PriceRow {
  itemId: string;
  ordClosedDt: string;
  price: string;
}
