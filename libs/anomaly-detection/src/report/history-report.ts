import type { HistoryRow } from '#libs/price-history';
import type { AnomalyReason, PriceAssessment } from '../policy/verdict.js';

/** A past order the model flags. */
export interface FlaggedOrder {
  ordClosedDt: string;
  price: number;
  severity: number;
  direction: 'high' | 'low' | null;
  reason: AnomalyReason;
}

export interface HistoryReport {
  count: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Every flagged order counts here; `flagged` lists at most MAX_FLAGGED_ORDERS, oldest first. */
  flaggedTotal: number;
  flagged: FlaggedOrder[];
}

/** Enough to clean any real export and to draw every point; a history flagged beyond this is itself the news. */
export const MAX_FLAGGED_ORDERS = 10_000;

/** How many orders an item has and over which days. */
export interface HistorySummary {
  count: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** What a report reads of an item's history. */
export interface ReportSource {
  summary(): Promise<HistorySummary>;
  /** Orders priced below `below` or above `above`, oldest first, a page at a time. */
  ordersOutside(below: number, above: number): AsyncIterable<readonly HistoryRow[]>;
}

/**
 * The past orders an item's current model flags. Only orders beyond the band can be (see
 * `seenPricesFlaggedOutside`), so only those are read and judged: the cost follows what is
 * flagged, not the length of the history.
 */
export async function reportOnHistory(
  model: { assess(price: number, sensitivity?: number): PriceAssessment; seenPricesFlaggedOutside(sensitivity?: number): { below: number; above: number } },
  source: ReportSource,
  sensitivity?: number,
): Promise<HistoryReport> {
  const { below, above } = model.seenPricesFlaggedOutside(sensitivity);
  const report: HistoryReport = { ...(await source.summary()), flaggedTotal: 0, flagged: [] };
  for await (const page of source.ordersOutside(below, above)) for (const { ordClosedDt, price } of page) {
    const { anomaly, severity, direction, reason } = model.assess(price, sensitivity);
    if (!anomaly) continue;
    report.flaggedTotal++;
    if (report.flagged.length < MAX_FLAGGED_ORDERS) report.flagged.push({ ordClosedDt, price, severity, direction, reason });
  }
  return report;
}
