/** Field rules shared by CSV imports and HTTP input, so both reject exactly the same values. */

export const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ITEM_ID_RULE = 'item_id must be 1 to 64 characters from [A-Za-z0-9_-]';

/** Largest price the NUMERIC(14,4) column stores; anything above is a data error, not a price. */
export const MAX_PRICE = 999_999_999.9999;
const PRICE_TEXT = /^\d{1,9}(\.\d{1,4})?$/;
export const PRICE_RULE = `PRICE must be a positive decimal up to ${MAX_PRICE} with at most 4 decimal places`;

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_RULE = 'date must be YYYY-MM-DD and exist on the calendar';

export function isItemId(value: string): boolean {
  return ITEM_ID_PATTERN.test(value);
}

/** True for `YYYY-MM-DD` strings naming a real day (rejects 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_TEXT.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for price text we store exactly: `22.01`, `1.9241`, `200`; not `0`, `-1`, `1e3`, `2.12345`. */
export function isPriceText(value: string): boolean {
  return PRICE_TEXT.test(value) && Number(value) > 0;
}

/**
 * The price text as its canonical decimal (`010.50` -> `10.5`, `7.0000` -> `7`): one spelling
 * per stored value, so re-saved files hash the same. Only for text that passed `isPriceText`.
 */
export function canonicalPrice(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 48 /* 0 */ && start + 1 < text.length && text[start + 1] !== '.') start++;
  let end = text.length;
  if (text.includes('.')) {
    while (text.charCodeAt(end - 1) === 48) end--;
    if (text[end - 1] === '.') end--;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
