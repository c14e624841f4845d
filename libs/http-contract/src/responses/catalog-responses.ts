import type { CatalogItem, DailyPrices } from '#libs/price-history';

export function itemListResponse(items: readonly CatalogItem[]) {
  return { items: items.map((item) => ({ item_id: item.itemId, open_alerts: item.openAlerts })) };
}

export function dailyPricesResponse(itemId: string, days: readonly DailyPrices[]) {
  return { item_id: itemId, days };
}
