import { AlertOutboxStore, type OutboxDestination, type OutboxEntry } from '#libs/database';
import type { ServiceMetrics } from '../metrics/service-metrics.js';

const BATCH = 20;
const IDLE_POLL_MS = 500;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 5 * 60_000;
/** A delivery not confirmed within this many send timeouts (the process died) is handed out again. */
const LEASE_TIMEOUTS = 3;

/** Delivers one outbox entry; resolves only once the destination has it. */
export interface AlertSender {
  readonly destination: OutboxDestination;
  /** Longest a `send` may take; the entry's lease is a few of these. */
  readonly timeoutMs: number;
  send(entry: OutboxEntry): Promise<void>;
}

/** Exponential backoff with full jitter: up to 1 s, 2 s, 4 s ... capped at 5 min. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  return Math.round(random() * Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1)));
}

/**
 * Moves one destination's outbox rows out, at least once: claims a few under a lease (several
 * processes share the work), sends them, marks them delivered, or schedules a retry with backoff.
 * The rows are the state, so restarts and kill -9 lose nothing.
 */
export class OutboxRelay {
  private running = false;
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly outbox: AlertOutboxStore,
    private readonly sender: AlertSender,
    private readonly metrics: ServiceMetrics,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Stops claiming and lets the sends in flight finish (their lease covers them if the process dies first). */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.relayBatch().then((claimed) => this.schedule(claimed === BATCH ? 0 : IDLE_POLL_MS), (error: unknown) => {
        this.log(`${this.sender.destination} outbox: ${error instanceof Error ? error.message : String(error)}`);
        this.schedule(IDLE_POLL_MS * 4);
      });
    }, delayMs);
  }

  private async relayBatch(): Promise<number> {
    const entries = await this.outbox.claim(this.sender.destination, BATCH, LEASE_TIMEOUTS * this.sender.timeoutMs);
    await Promise.all(entries.map((entry) => this.relay(entry)));
    return entries.length;
  }

  private async relay(entry: OutboxEntry): Promise<void> {
    const labels = { destination: this.sender.destination };
    try {
      await this.sender.send(entry);
      await this.outbox.delivered(entry.id);
      this.metrics.alertNotifications.inc({ ...labels, outcome: 'delivered' });
    } catch (error) {
      this.metrics.alertNotifications.inc({ ...labels, outcome: 'failed' });
      await this.outbox.failed(entry.id, retryDelayMs(entry.attempt), error instanceof Error ? error.message : String(error));
    }
  }
}
