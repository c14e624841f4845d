import type { ItemVersion, VersionedPrices } from '../../domain/price-point.js';

export abstract class ItemPrices {
  /** The current history version: one indexed lookup; `null` for an unknown item. */
  abstract versionOf(itemId: string): Promise<ItemVersion | null>;
  /** Prices only (no entities), with the version they belong to; `null` for an unknown item. */
  abstract pricesOf(itemId: string): Promise<VersionedPrices | null>;
}
