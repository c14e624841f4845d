/**
 * The vocabulary of an item's order-price history that every layer speaks, defined once here so
 * the database, the detection library and both apps cannot drift apart: types and one shared limit.
 */

/** Inclusive date bounds (`YYYY-MM-DD`) and paging of a history read. */
export interface HistoryWindow {
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** One stored order; `price` is the exact NUMERIC as a JS number (exact for 4 decimals). */
export interface HistoryRow {
  ordClosedDt: string;
  price: number;
}

/**
 * The version of an item's history: it changes on every write. `stale` is true only when the
 * database could not be reached and the last version seen (recently) stands in for it.
 */
export interface ItemVersion {
  version: string;
  stale: boolean;
}

/** An item's prices as of one version of its history. */
export interface VersionedPrices {
  version: string;
  /** Every price of the history, in any order (e.g. grouped by value). */
  prices: readonly number[];
  /** The latest orders' prices in time order, oldest first (at most RECENT_ORDERS of them). */
  recent: readonly number[];
  /** The day (`dayNumber`) of each of `recent`: where a later order of an earlier day falls in time order. */
  recentDays: readonly number[];
}

/**
 * Rows appended to an item's history by one committed write: they took its history from
 * `fromVersion` (the version just before, confirmed under lock) to `toVersion`. In insertion
 * order, which is also their order among orders of the same day.
 */
export interface HistoryAppend {
  itemId: string;
  fromVersion: string;
  toVersion: string;
  rows: readonly HistoryRow[];
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date: orders sort by it, and by insertion within a day. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** How many of an item's latest orders a model sees in time order (noise between orders, price now). */
export const RECENT_ORDERS = 1000;

/** What an upload did. */
export interface ImportOutcome {
  /** `false`: the same content was imported before (`importId` names that import); nothing was inserted. */
  created: boolean;
  importId: string;
  inserted: number;
  /** SHA-256 of the file's canonical content (its rows, normalised, in file order). */
  sha256: string;
}

/** A price an order closed at, as the feed receives it. */
export interface PriceObservation {
  /** The sender's id (a resend is recognised by it); generated when the sender gave none. */
  observationId: string;
  itemId: string;
  ordClosedDt: string;
  price: number;
}

/** An observation with the verdict of its item's model (`null`: the item has no history yet). */
export interface JudgedObservation extends PriceObservation {
  verdict: { anomaly: boolean; metadata: object } | null;
}

/** What became of an observation: appended to the history, or held as an alert. */
export interface ObservationOutcome {
  observationId: string;
  itemId: string;
  anomaly: boolean;
  stored: boolean;
  alertId: string | null;
  metadata: object;
  /** Seen before: this is its first outcome, nothing was done again. */
  duplicate: boolean;
}

/** A recorded batch: each observation's outcome, in order, and what it appended to each item's history. */
export interface RecordedBatch {
  outcomes: ObservationOutcome[];
  appends: HistoryAppend[];
}

export const ALERT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type AlertResolution = Exclude<AlertStatus, 'open'>;

export interface PriceAlert {
  alertId: string;
  observationId: string;
  itemId: string;
  ordClosedDt: string;
  price: number;
  status: AlertStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  metadata: object;
}

export interface AlertFilter {
  status?: AlertStatus;
  itemId?: string;
  limit: number;
  /** Opaque: the `nextCursor` of the page before. */
  cursor?: string;
}

export interface AlertPage {
  alerts: PriceAlert[];
  nextCursor: string | null;
}

/** How items are looked up: by id prefix, in id order or with the most open alerts first. */
export interface ItemListing {
  prefix: string;
  limit: number;
  order: 'item_id' | 'open_alerts';
}

export interface CatalogItem {
  itemId: string;
  openAlerts: number;
}

/** One day of an item's history: what a chart draws for a long history. */
export interface DailyPrices {
  day: string;
  min: number;
  median: number;
  max: number;
  orders: number;
}
