import type { ItemVersion, VersionedPrices } from '#libs/price-history';

/** Where an item's history version and prices come from (the database reader, a port, a fake). */
export interface ItemPriceSource {
  versionOf(itemId: string): Promise<ItemVersion | null>;
  pricesOf(itemId: string): Promise<VersionedPrices | null>;
}

/** Models per item and version, trained from `loadPrices` when none is cached (the registry, or a port over it). */
export interface ModelStore<M> {
  modelFor(itemId: string, version: string, loadPrices: () => Promise<VersionedPrices | null>): Promise<M | null>;
}

export interface CurrentModel<M> {
  model: M;
  version: string;
  /** The version could not be confirmed current (database unreachable): verdicts say so. */
  stale: boolean;
}

/**
 * The model of the item's current history version: one version lookup, and its prices read only
 * when no model of that version is cached. `null` for an item without history.
 */
export async function currentModel<M>(itemId: string, prices: ItemPriceSource, models: ModelStore<M>): Promise<CurrentModel<M> | null> {
  const current = await prices.versionOf(itemId);
  const model = current === null ? null : await models.modelFor(itemId, current.version, () => prices.pricesOf(itemId));
  return model && { model, version: current!.version, stale: current!.stale };
}
