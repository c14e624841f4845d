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

/** Judges every past order of an item (streamed: never the whole history in memory) with its current model. */
export async function reportOnHistory(
  model: { assess(price: number, sensitivity?: number): PriceAssessment },
  rows: AsyncIterable<HistoryRow>,
  sensitivity?: number,
): Promise<HistoryReport> {
  const report: HistoryReport = { count: 0, firstDate: null, lastDate: null, flaggedTotal: 0, flagged: [] };
  for await (const { ordClosedDt, price } of rows) {
    report.count++;
    report.firstDate ??= ordClosedDt;
    report.lastDate = ordClosedDt;
    const { anomaly, severity, direction, reason } = model.assess(price, sensitivity);
    if (!anomaly) continue;
    report.flaggedTotal++;
    if (report.flagged.length < MAX_FLAGGED_ORDERS) report.flagged.push({ ordClosedDt, price, severity, direction, reason });
  }
  return report;
}
