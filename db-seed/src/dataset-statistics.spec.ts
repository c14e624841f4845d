import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { repeatShare } from '../../csv-generator/src/testing/repeat-share.js';

// Checks the shipped synthetic seed file against the original export's published figures (DATASET.md).
const SEED_FILE = new URL('../precios_historicos.csv', import.meta.url);
const ROW = /^([A-Za-z0-9_-]{1,64}),(\d{4})-(\d{2})-(\d{2}),(\d+)(?:\.(\d{1,4}))?$/;
const HUGE = { MLB3836655204: 96_448, MLB3836681004: 48_709, MLB3836669552: 2_949 } as const;

interface Row {
  readonly itemId: string;
  readonly date: string;
  readonly price: number;
  readonly decimals: number;
}

const realDates = new Map<string, boolean>();

function isRealDate(year: string, month: string, day: string): boolean {
  const key = `${year}-${month}-${day}`;
  let real = realDates.get(key);
  if (real === undefined) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    real = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
    realDates.set(key, real);
  }
  return real;
}

function parseRow(line: string): Row | undefined {
  const match = ROW.exec(line);
  if (!match) return undefined;
  const [, itemId, year, month, day, whole, fraction = ''] = match as unknown as string[];
  if (!isRealDate(year!, month!, day!)) return undefined;
  return { itemId: itemId!, date: `${year}-${month}-${day}`, price: Number(`${whole}.${fraction || '0'}`), decimals: fraction.length };
}

function sorted(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

function median(values: readonly number[]): number {
  const s = sorted(values);
  const middle = s.length >> 1;
  return s.length % 2 ? s[middle]! : (s[middle - 1]! + s[middle]!) / 2;
}


/** max/min once the two most extreme rows at each end are set aside (isolated outliers do not make an item dispersed). */
function trimmedSpan(prices: readonly number[]): number {
  const s = sorted(prices);
  return s[s.length - 3]! / s[2]!;
}

let text: string;
let lines: string[];
let rows: Row[];
const byItem = new Map<string, Row[]>();

beforeAll(() => {
  text = readFileSync(SEED_FILE, 'utf8');
  lines = text.split('\n');
  rows = lines.slice(1, -1).map((line) => parseRow(line)!);
  for (const row of rows) {
    const itemRows = byItem.get(row.itemId) ?? [];
    itemRows.push(row);
    byItem.set(row.itemId, itemRows);
  }
});

const pricesOf = (itemId: string) => (byItem.get(itemId) ?? []).map((row) => row.price);
const ordinaryItems = () => [...byItem.keys()].filter((itemId) => !(itemId in HUGE));

describe('db-seed/precios_historicos.csv', () => {
  it('has the header, LF line endings, a final newline and about 5.5 MB', () => {
    expect(lines[0]).toBe('ITEM_ID,ORD_CLOSED_DT,PRICE');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const bytes = statSync(SEED_FILE).size;
    expect(bytes).toBeGreaterThan(5_200_000);
    expect(bytes).toBeLessThan(6_000_000);
  });

  it('holds 175,914 rows, all valid: item id, real date, positive price with at most 4 decimals, no empty field', () => {
    expect(rows).toHaveLength(175_914);
    expect(lines.slice(1, -1).filter((line) => parseRow(line) === undefined)).toEqual([]);
    expect(rows.every((row) => row.price > 0)).toBe(true);
  });

  it('starts with MLB4432316952,2024-02-15,22.01', () => {
    expect(lines[1]).toBe('MLB4432316952,2024-02-15,22.01');
  });

  it('has 300 items, each one contiguous', () => {
    expect(byItem.size).toBe(300);
    let blocks = 1;
    for (let i = 1; i < rows.length; i++) if (rows[i]!.itemId !== rows[i - 1]!.itemId) blocks++;
    expect(blocks).toBe(300);
  });

  it('has the three huge items with their exact sizes', () => {
    for (const [itemId, size] of Object.entries(HUGE)) expect(byItem.get(itemId)).toHaveLength(size);
  });

  it('has 297 other items of at most 251 rows, 27,808 together, mostly between 40 and 190', () => {
    const sizes = ordinaryItems().map((itemId) => byItem.get(itemId)!.length);
    expect(sizes).toHaveLength(297);
    expect(Math.max(...sizes)).toBe(251);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(27_808);
    expect(sizes.filter((size) => size >= 40 && size <= 190).length / sizes.length).toBeGreaterThan(0.8);
  });

  it('spans 2023-12-13 .. 2024-03-11, both ends present', () => {
    const dates = new Set(rows.map((row) => row.date));
    const ordered = [...dates].sort();
    expect(ordered[0]).toBe('2023-12-13');
    expect(ordered[ordered.length - 1]).toBe('2024-03-11');
  });

  it('does not sort an item by date and has several rows per day in a typical item', () => {
    const items = ordinaryItems();
    const unsorted = items.filter((itemId) => byItem.get(itemId)!.some((row, i, all) => i > 0 && row.date < all[i - 1]!.date));
    expect(unsorted.length / items.length).toBeGreaterThan(0.95);
    const busiestDay = items.map((itemId) => {
      const perDay = new Map<string, number>();
      for (const row of byItem.get(itemId)!) perDay.set(row.date, (perDay.get(row.date) ?? 0) + 1);
      return Math.max(...perDay.values());
    });
    expect(median(busiestDay)).toBeGreaterThanOrEqual(3);
  });

  it('has prices from exactly 1.9241 to 5466.29, mostly with 2 decimals, some with 4', () => {
    const prices = rows.map((row) => row.price);
    expect(prices.reduce((a, b) => Math.min(a, b))).toBe(1.9241);
    expect(prices.reduce((a, b) => Math.max(a, b))).toBe(5466.29);
    expect(rows.filter((row) => row.decimals === 2).length / rows.length).toBeGreaterThan(0.8);
    expect(rows.some((row) => row.decimals === 4)).toBe(true);
  });

  it('has log(price) bell-shaped around 4', () => {
    const logs = rows.map((row) => Math.log(row.price));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    expect(mean).toBeGreaterThan(3.8);
    expect(mean).toBeLessThan(4.2);
    const center = median(rows.map((row) => row.price));
    expect(center).toBeGreaterThan(45);
    expect(center).toBeLessThan(65);
    const bins = new Map<number, number>();
    for (const value of logs) bins.set(Math.round(value), (bins.get(Math.round(value)) ?? 0) + 1);
    expect([...bins.entries()].sort((a, b) => b[1] - a[1])[0]![0]).toBe(4);
    expect(logs.filter((value) => value > 3 && value < 5).length / logs.length).toBeGreaterThan(0.8);
  });

  it('is sticky: in a typical item more than half the rows repeat an earlier price', () => {
    expect(median([...byItem.keys()].map((itemId) => repeatShare(pricesOf(itemId))))).toBeGreaterThan(0.5);
  });

  it('flags about 8% of rows with a robust z-score over the whole file', () => {
    const prices = rows.map((row) => row.price);
    const center = median(prices);
    const mad = median(prices.map((price) => Math.abs(price - center)));
    const flagged = prices.filter((price) => Math.abs((0.6745 * (price - center)) / mad) > 3.5).length;
    expect(flagged / prices.length).toBeGreaterThan(0.05);
    expect(flagged / prices.length).toBeLessThan(0.11);
  });

  it('has a few widely dispersed items, one spanning 15.62 .. 4173.38 around ~606', () => {
    const dispersed = [...byItem.keys()].filter((itemId) => trimmedSpan(pricesOf(itemId)) > 10);
    expect(dispersed.length).toBeGreaterThanOrEqual(3);
    expect(dispersed.length).toBeLessThanOrEqual(8);
    const wide = [...byItem.keys()].find((itemId) => Math.min(...pricesOf(itemId)) === 15.62 && Math.max(...pricesOf(itemId)) === 4173.38);
    expect(wide).toBeDefined();
    expect(median(pricesOf(wide!))).toBeGreaterThan(560);
    expect(median(pricesOf(wide!))).toBeLessThan(650);
  });

  it('keeps every other item tight: at most 2 isolated rows beyond 5x or below 1/5 of its median', () => {
    const tight = [...byItem.keys()].filter((itemId) => trimmedSpan(pricesOf(itemId)) <= 10);
    for (const itemId of tight) {
      const prices = pricesOf(itemId);
      const center = median(prices);
      const far = prices.filter((price) => price >= 5 * center || price <= center / 5);
      expect({ itemId, isolated: far.length <= 2 }).toEqual({ itemId, isolated: true });
    }
  });

  it('has the documented example items', () => {
    for (const itemId of ['MLB4432316952', 'MLB1073354076', 'MLB1450506718', 'MLB4097203966']) {
      expect(byItem.get(itemId)?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('shapes MLB1450506718: 67 rows, median ~185, most 110..511, at most 2 outliers above 1,000 up to ~2,600', () => {
    const prices = pricesOf('MLB1450506718');
    expect(prices).toHaveLength(67);
    expect(median(prices)).toBeGreaterThan(170);
    expect(median(prices)).toBeLessThan(200);
    expect(prices.filter((price) => price >= 110 && price <= 511).length / prices.length).toBeGreaterThan(0.9);
    expect(prices.filter((price) => price > 1000).length).toBeLessThanOrEqual(2);
    expect(Math.max(...prices)).toBeGreaterThan(2400);
    expect(Math.max(...prices)).toBeLessThan(2800);
  });
});
