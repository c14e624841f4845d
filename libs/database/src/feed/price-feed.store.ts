import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { poolOf } from '../pool-of.js';
import { announceAppends } from './history-append-channel.js';
import type { HistoryAppend, JudgedObservation, ObservationOutcome, RecordedBatch } from '#libs/price-history';
import { canonicalPrice } from '#libs/price-csv';

/** The metadata of an observation whose item had no history yet: it starts the history. */
const NO_HISTORY = { reason: 'no_history' } as const;

const INSERT_OBSERVATIONS = `INSERT INTO price_observation (observation_id, item_id, ord_closed_dt, price, anomaly, stored, alert_id, metadata)
  SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::date[], $4::numeric[], $5::bool[], $6::bool[], $7::uuid[], $8::jsonb[])
  ON CONFLICT (observation_id) DO NOTHING RETURNING observation_id`;
const INSERT_ALERTS = `INSERT INTO price_alert (alert_id, observation_id, item_id, ord_closed_dt, price, metadata)
  SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::date[], $5::numeric[], $6::jsonb[])`;
const INSERT_OUTBOX = `INSERT INTO alert_outbox (alert_id, payload, destination)
  SELECT alert.id, alert.payload, destination FROM unnest($1::uuid[], $2::jsonb[]) AS alert (id, payload), unnest($3::varchar[]) AS destination`;
/**
 * The versions of the items a batch may append to, locked in one order (so concurrent batches
 * cannot deadlock on them): no other writer can change these histories until the batch commits,
 * so the version read here is the one the batch's rows are appended to.
 */
const LOCK_VERSIONS = 'SELECT item_id, version FROM item_history_version WHERE item_id = ANY($1) ORDER BY item_id FOR UPDATE';
const VERSIONS = 'SELECT item_id, version FROM item_history_version WHERE item_id = ANY($1)';
const EARLIER_OUTCOMES = `SELECT observation_id, item_id, anomaly, stored, alert_id, metadata FROM price_observation WHERE observation_id = ANY($1)`;

export type OutboxDestination = 'webhook' | 'amqp';

export interface PriceFeedStoreOptions {
  /** Where each new alert must be notified (an outbox row per destination); empty: none is configured. */
  outbox: readonly OutboxDestination[];
}

/**
 * Records a judged batch of observations in one transaction: each observation once (its id is
 * the primary key, so a resend or a racing twin finds the first outcome), normal ones appended
 * to the history with one COPY (one version change per item), anomalous ones held as alerts
 * (and in the outbox, to be notified at least once). Nothing of the batch is kept on failure.
 */
export class PriceFeedStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PriceFeedStoreOptions,
  ) {}

  async record(batch: readonly JudgedObservation[]): Promise<RecordedBatch> {
    // An id repeated within the batch (several broker messages): the first one decides, the rest are its duplicates.
    const firstIndex = new Map<string, number>();
    batch.forEach((observation, index) => firstIndex.has(observation.observationId) || firstIndex.set(observation.observationId, index));
    const { outcomes, appends } = await this.recordDistinct([...firstIndex.values()].map((index) => batch[index]));
    const byId = new Map(outcomes.map((outcome) => [outcome.observationId, outcome]));
    return {
      outcomes: batch.map((observation, index) => {
        const outcome = byId.get(observation.observationId)!;
        return firstIndex.get(observation.observationId) === index ? outcome : { ...outcome, duplicate: true };
      }),
      appends,
    };
  }

  private async recordDistinct(batch: readonly JudgedObservation[]): Promise<RecordedBatch> {
    const planned = batch.map((observation) => {
      const anomaly = observation.verdict?.anomaly ?? false;
      return { ...observation, anomaly, stored: !anomaly, alertId: anomaly ? randomUUID() : null, metadata: observation.verdict?.metadata ?? NO_HISTORY };
    });
    const client = await poolOf(this.dataSource).connect();
    let fresh: Set<string>;
    let appends: HistoryAppend[] = [];
    try {
      await client.query('BEGIN');
      const candidates = [...new Set(planned.filter((o) => o.stored).map((o) => o.itemId))];
      const before = candidates.length ? versionsByItem(await client.query(LOCK_VERSIONS, [candidates])) : new Map<string, string>();
      const inserted = await client.query<{ observation_id: string }>(INSERT_OBSERVATIONS, [
        planned.map((o) => o.observationId), planned.map((o) => o.itemId), planned.map((o) => o.ordClosedDt),
        planned.map((o) => canonicalPrice(String(o.price))), planned.map((o) => o.anomaly), planned.map((o) => o.stored),
        planned.map((o) => o.alertId), planned.map((o) => JSON.stringify(o.metadata)),
      ]);
      fresh = new Set(inserted.rows.map((row) => row.observation_id));
      const stored = planned.filter((o) => fresh.has(o.observationId) && o.stored);
      const alerts = planned.filter((o) => fresh.has(o.observationId) && o.anomaly);
      if (stored.length) {
        await appendToHistory(client, stored);
        appends = historyAppends(stored, before, versionsByItem(await client.query(VERSIONS, [[...before.keys()]])));
        // Every other process grows its models with them too, instead of training them afresh.
        await announceAppends(client, appends);
      }
      if (alerts.length) {
        await client.query(INSERT_ALERTS, [
          alerts.map((o) => o.alertId), alerts.map((o) => o.observationId), alerts.map((o) => o.itemId),
          alerts.map((o) => o.ordClosedDt), alerts.map((o) => canonicalPrice(String(o.price))), alerts.map((o) => JSON.stringify(o.metadata)),
        ]);
        if (this.options.outbox.length) {
          await client.query(INSERT_OUTBOX, [alerts.map((o) => o.alertId), alerts.map((o) => JSON.stringify(alertEvent(o))), this.options.outbox]);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const duplicates = planned.filter((o) => !fresh.has(o.observationId)).map((o) => o.observationId);
    const earlier = duplicates.length ? await this.earlierOutcomes(duplicates) : new Map<string, ObservationOutcome>();
    const outcomes = planned.map((o) => earlier.get(o.observationId) ?? {
      observationId: o.observationId, itemId: o.itemId, anomaly: o.anomaly, stored: o.stored, alertId: o.alertId, metadata: o.metadata, duplicate: false,
    });
    return { outcomes, appends };
  }

  private async earlierOutcomes(ids: string[]): Promise<Map<string, ObservationOutcome>> {
    const { rows } = await poolOf(this.dataSource).query<{ observation_id: string; item_id: string; anomaly: boolean; stored: boolean; alert_id: string | null; metadata: object }>(EARLIER_OUTCOMES, [ids]);
    return new Map(rows.map((row) => [row.observation_id, {
      observationId: row.observation_id, itemId: row.item_id, anomaly: row.anomaly, stored: row.stored, alertId: row.alert_id, metadata: row.metadata, duplicate: true,
    }]));
  }
}

function versionsByItem({ rows }: { rows: { item_id: string; version: string }[] }): Map<string, string> {
  return new Map(rows.map((row) => [row.item_id, row.version]));
}

/** Per item that had a history, the rows the batch appended to it, in COPY order, and its version before and after. */
function historyAppends(stored: readonly JudgedObservation[], before: Map<string, string>, after: Map<string, string>): HistoryAppend[] {
  const rows = new Map<string, { ordClosedDt: string; price: number }[]>();
  for (const o of stored) if (before.has(o.itemId)) (rows.get(o.itemId) ?? rows.set(o.itemId, []).get(o.itemId)!).push({ ordClosedDt: o.ordClosedDt, price: o.price });
  return [...rows].map(([itemId, appended]) => ({ itemId, fromVersion: before.get(itemId)!, toVersion: after.get(itemId)!, rows: appended }));
}

/** One COPY for the whole batch: the statement-level trigger then changes each item's version once. */
async function appendToHistory(client: PoolClient, rows: readonly JudgedObservation[]): Promise<void> {
  const text = rows.map((o) => `${o.itemId}\t${o.ordClosedDt}\t${canonicalPrice(String(o.price))}\n`).join('');
  await pipeline(Readable.from([text]), client.query(copyFrom('COPY item_historical_pricing (item_id, ord_closed_dt, price) FROM STDIN')));
}

/** What a notifier sends about a new alert (webhook body, broker message). */
export function alertEvent(o: { alertId: string | null; observationId: string; itemId: string; ordClosedDt: string; price: number; metadata: object }) {
  return { event: 'alert.opened', alert_id: o.alertId, observation_id: o.observationId, item_id: o.itemId, ord_closed_dt: o.ordClosedDt, price: o.price, metadata: o.metadata };
}
