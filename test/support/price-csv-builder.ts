/** Test-data builders for price CSV files: every spec builds its files here, not with copied literals. */

export type CsvRow = [itemId: string, ordClosedDt: string, price: string];

export const CSV_HEADER = 'ITEM_ID,ORD_CLOSED_DT,PRICE';

export function priceCsv(rows: CsvRow[], options: { header?: string; eol?: string } = {}): string {
  const eol = options.eol ?? '\n';
  return [options.header ?? CSV_HEADER, ...rows.map((row) => row.join(','))].join(eol) + eol;
}

/** `count` valid rows over a few items with distinct, exactly-representable 4-decimal prices. */
export function validRows(count: number, itemPrefix = 'MLBTEST'): CsvRow[] {
  return Array.from({ length: count }, (_, i) => [
    `${itemPrefix}${i % 7}`,
    `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    (100 + (i % 50) + (i % 10000) / 10000).toFixed(4),
  ]);
}

/** `validRows(count)` with line `badLine` (1-based, header = line 1) carrying an invalid price. */
export function rowsWithBadPriceAtLine(count: number, badLine: number, badPrice = 'abc'): CsvRow[] {
  const rows = validRows(count);
  rows[badLine - 2] = [rows[badLine - 2][0], rows[badLine - 2][1], badPrice];
  return rows;
}

/** 40 orders of an ordinary item priced 100-102 in January 2024: a history the feed tests judge against. */
export function ordinaryHistory(itemId: string, count = 40): CsvRow[] {
  return Array.from({ length: count }, (_, i) => [itemId, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, (100 + (i % 3)).toFixed(2)]);
}
