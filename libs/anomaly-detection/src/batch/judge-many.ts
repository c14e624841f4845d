import { currentModel, type ItemPriceSource, type ModelStore } from '../cache/current-model.js';
import type { AnomalyVerdict, JudgeOptions } from '../policy/verdict.js';

export interface PriceCheck {
  itemId: string;
  price: number;
}

/**
 * Judges many prices, in order, with one version lookup and one model per distinct item (the
 * lookups of one turn share a query). `null` for an entry whose item has no history.
 */
export async function judgeMany(
  checks: readonly PriceCheck[],
  prices: ItemPriceSource,
  models: ModelStore<{ judge(price: number, options?: JudgeOptions): AnomalyVerdict }>,
  sensitivity?: number,
): Promise<(AnomalyVerdict | null)[]> {
  const distinct = [...new Set(checks.map((check) => check.itemId))];
  const current = new Map(await Promise.all(distinct.map(async (itemId) => [itemId, await currentModel(itemId, prices, models)] as const)));
  return checks.map(({ itemId, price }) => {
    const entry = current.get(itemId);
    return entry ? entry.model.judge(price, { sensitivity, stale: entry.stale }) : null;
  });
}
