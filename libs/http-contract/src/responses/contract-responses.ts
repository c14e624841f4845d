import type { HistoryReport } from '#libs/anomaly-detection';
import { ItemNotFoundError } from '#libs/errors';
import type { ImportOutcome } from '#libs/price-history';
import { errorBody } from '../errors/error-status.js';
import { CONTRACT_MESSAGES } from './contract-messages.js';

/** `POST /detectAnomaly` 200 body: the verdict as computed, wrapped in the old service's envelope. */
export function detectAnomalyResponse<V extends { anomaly: boolean; metadata: object }>(itemId: string, price: number, verdict: V) {
  return { item_id: itemId, price, anomaly: verdict.anomaly, metadata: verdict.metadata, status_code: 200 as const };
}

/** `POST /cargarCsvHistorico` body; 201 when rows were inserted, 200 for a file loaded before. */
export function csvImportResponse(outcome: ImportOutcome) {
  return {
    status: outcome.created ? 201 : 200,
    body: {
      mensaje: outcome.created ? CONTRACT_MESSAGES.inserted : CONTRACT_MESSAGES.alreadyLoaded,
      inserted: outcome.inserted,
      import_id: outcome.importId,
      sha256: outcome.sha256,
    },
  };
}

/** One history element, written by hand: the stream writes ~100k of these per large item. */
export function historyRowJson(itemId: string, row: { ordClosedDt: string; price: number }): string {
  return `{"item_id":${JSON.stringify(itemId)},"ord_closed_dt":"${row.ordClosedDt}","price":${row.price}}`;
}

/** `POST /detectAnomaly/batch` body: one result per entry, in request order; an unknown item is an entry's error, not the request's. */
export function detectAnomalyBatchResponse<V extends { anomaly: boolean; metadata: object }>(checks: readonly { item_id: string; price: number }[], verdicts: readonly (V | null)[]) {
  return {
    results: checks.map(({ item_id, price }, index) => {
      const verdict = verdicts[index];
      return verdict ? detectAnomalyResponse(item_id, price, verdict) : { item_id, ...errorBody(new ItemNotFoundError(item_id)) };
    }),
  };
}

interface ItemReportParts {
  itemId: string;
  version: string;
  sensitivity: number;
  model: { expected: number; normalRange(sensitivity?: number): { low: number; high: number }; description(): object };
  report: HistoryReport;
}

/** `GET /items/{item_id}/report` body: the item's summary and the past orders its model flags. */
export function itemReportResponse({ itemId, version, sensitivity, model, report }: ItemReportParts) {
  return {
    item_id: itemId,
    count: report.count,
    first_date: report.firstDate,
    last_date: report.lastDate,
    history_version: version,
    expected: model.expected,
    normal_range: model.normalRange(sensitivity),
    model: { ...model.description(), sensitivity },
    flagged_total: report.flaggedTotal,
    flagged: report.flagged.map((order) => ({
      ord_closed_dt: order.ordClosedDt, price: order.price, severity: order.severity, direction: order.direction, reason: order.reason,
    })),
  };
}
