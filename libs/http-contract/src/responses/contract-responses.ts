import type { ImportOutcome } from '#libs/price-history';
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
