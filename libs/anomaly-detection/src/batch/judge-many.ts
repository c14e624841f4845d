import type { ItemVersion } from '#libs/price-history';
import type { AnomalyVerdict, JudgeOptions } from '../policy/verdict.js';

export interface PriceCheck {
  itemId: string;
  price: number;
}

/** What judging needs to know: the items' current versions, and a model per version. */
export interface ModelSource {
  versionOf(itemId: string): Promise<ItemVersion | null>;
  modelFor(itemId: string, version: string): Promise<{ judge(price: number, options?: JudgeOptions): AnomalyVerdict } | null>;
}

/**
 * Judges many prices, in order, with one version lookup and one model per distinct item (the
 * lookups of one turn share a query). `null` for an entry whose item has no history.
 */
export async function judgeMany(checks: readonly PriceCheck[], source: ModelSource, sensitivity?: number): Promise<(AnomalyVerdict | null)[]> {
  const distinct = [...new Set(checks.map((check) => check.itemId))];
  const models = new Map(await Promise.all(distinct.map(async (itemId) => {
    const current = await source.versionOf(itemId);
    const model = current === null ? null : await source.modelFor(itemId, current.version);
    return [itemId, model && { model, stale: current!.stale }] as const;
  })));
  return checks.map(({ itemId, price }) => {
    const entry = models.get(itemId);
    return entry ? entry.model.judge(price, { sensitivity, stale: entry.stale }) : null;
  });
}
