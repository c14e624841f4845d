/** Prices are handled as integer ten-thousandths so that rounding and formatting are exact. */
export const UNITS_PER_CURRENCY = 10_000;

export type PriceDecimals = 2 | 4;

/** Rounds a price to cents or to 4 decimals, never below the smallest positive step. */
export function toPriceUnits(price: number, decimals: PriceDecimals): number {
  const step = decimals === 2 ? 100 : 1;
  const units = Math.round((price * UNITS_PER_CURRENCY) / step) * step;
  return Math.max(step, units);
}

export function unitsToPrice(units: number): number {
  return units / UNITS_PER_CURRENCY;
}

/** `22.01`, `22.10`, `1.9241`, `3.125`: cents keep two digits, finer prices drop trailing zeros. */
export function formatPriceUnits(units: number): string {
  const whole = Math.floor(units / UNITS_PER_CURRENCY);
  const fraction = units - whole * UNITS_PER_CURRENCY;
  if (fraction % 100 === 0) {
    const cents = fraction / 100;
    return `${whole}.${cents < 10 ? '0' : ''}${cents}`;
  }
  let digits = String(fraction).padStart(4, '0');
  if (digits.endsWith('0')) digits = digits.slice(0, 3);
  return `${whole}.${digits}`;
}
