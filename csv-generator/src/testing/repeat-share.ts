/** Share of prices that repeat an earlier one exactly: how "sticky" a history is. */
export function repeatShare(prices: readonly number[]): number {
  const seen = new Set<number>();
  let repeats = 0;
  for (const price of prices) {
    if (seen.has(price)) repeats++;
    seen.add(price);
  }
  return repeats / prices.length;
}
