import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PriceModelRegistry } from '#libs/anomaly-detection';
import { poolOf, type AlertOutboxStore, type OutboxDestination, type ReadReplicas, type ReplicaStatus } from '#libs/database';

/** Every metric of one app, on its own registry (tests start several apps in one process). */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'], registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
    registers: [this.registry],
  });

  readonly importedRows = new Counter({ name: 'csv_imported_rows_total', help: 'Rows stored by CSV uploads', registers: [this.registry] });
  readonly rejectedFiles = new Counter({ name: 'csv_rejected_files_total', help: 'CSV uploads rejected whole (nothing stored)', registers: [this.registry] });
  readonly alertNotifications = new Counter({
    name: 'alert_notifications_total', help: 'Alert notification attempts by destination (webhook, amqp) and outcome (delivered, failed: retried later)',
    labelNames: ['destination', 'outcome'], registers: [this.registry],
  });

  constructor(models: PriceModelRegistry, dataSource: DataSource, outbox?: { store: AlertOutboxStore; destinations: readonly OutboxDestination[] }, replicas?: ReadReplicas) {
    collectDefaultMetrics({ register: this.registry });
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()); } });
    const cache = () => models.stats();
    // Counters kept by the registry itself, read when scraped.
    gauge('model_cache_hits_total', 'Detections answered by a cached model of the current history version', () => cache().hits);
    gauge('model_cache_misses_total', 'Detections that had to train (or wait for) a model', () => cache().misses);
    gauge('model_cache_evictions_total', 'Models evicted by the LRU bounds', () => cache().evictions);
    gauge('model_cache_entries', 'Models in the cache', () => cache().entries);
    gauge('model_cache_bytes', 'Approximate memory of the cached models', () => cache().bytes);
    gauge('model_trainings_total', 'Models trained', () => cache().trainings);
    gauge('model_training_seconds_total', 'Time spent training models', () => cache().trainingMillis / 1000);
    gauge('model_growths_total', "Models grown by this process's committed appends into the next version's model (no training)", () => cache().growths);
    gauge('model_growth_seconds_total', 'Time spent growing models', () => cache().growthMillis / 1000);
    if (replicas?.enabled) {
      const perReplica = (name: string, help: string, read: (status: ReplicaStatus) => number) => new Gauge({
        name, help, labelNames: ['replica'], registers: [this.registry],
        collect() {
          for (const status of replicas.status()) this.set({ replica: status.replica }, read(status));
        },
      });
      perReplica('db_replica_up', 'The replica answers (1) or not (0)', (status) => Number(status.up));
      perReplica('db_replica_serving', 'The replica is up and within REPLICA_MAX_LAG_MS, so it takes reads', (status) => Number(status.serving));
      perReplica('db_replica_lag_bytes', 'WAL the replica has yet to replay', (status) => status.lagBytes ?? -1);
      new Gauge({
        name: 'db_reads_total', help: 'History and training reads by who served them (a replica, or the primary when none had caught up)',
        labelNames: ['kind', 'source'], registers: [this.registry],
        collect() {
          for (const [key, count] of replicas.reads) {
            const [kind, source] = key.split('\t');
            this.set({ kind, source }, count);
          }
        },
      });
    }
    const pool = (): Pool | undefined => poolOf(dataSource); // undefined until TypeORM has connected
    gauge('db_pool_connections', 'Connections open in the pool', () => pool()?.totalCount ?? 0);
    gauge('db_pool_idle_connections', 'Idle connections in the pool', () => pool()?.idleCount ?? 0);
    gauge('db_pool_waiting_requests', 'Queries waiting for a connection', () => pool()?.waitingCount ?? 0);
    if (outbox?.destinations.length) {
      // Read from the outbox when scraped: it is shared by every process of the deployment.
      const backlog = (name: string, help: string, pick: (b: { pending: number; oldestPendingSeconds: number }) => number) => new Gauge({
        name, help, labelNames: ['destination'], registers: [this.registry],
        async collect() {
          for (const destination of outbox.destinations) this.set({ destination }, pick(await outbox.store.backlog(destination)));
        },
      });
      backlog('alert_outbox_pending', 'Alerts not yet delivered, per destination', (b) => b.pending);
      backlog('alert_outbox_oldest_pending_seconds', 'Age of the oldest undelivered alert, per destination', (b) => b.oldestPendingSeconds);
    }
  }
}
