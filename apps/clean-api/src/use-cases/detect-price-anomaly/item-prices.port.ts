/** An item's prices as of one version of its history. */
export interface VersionedPrices {
  version: string;
  prices: number[];
}

export abstract class ItemPrices {
  /** The current history version: one indexed lookup; `null` for an unknown item. */
  abstract versionOf(itemId: string): Promise<string | null>;
  /** Prices only (no entities), with the version they belong to; `null` for an unknown item. */
  abstract pricesOf(itemId: string): Promise<VersionedPrices | null>;
}
