import amqp, { type ChannelModel } from 'amqplib';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

type OnConnected = (connection: ChannelModel) => Promise<void>;

/**
 * One AMQP connection that comes back by itself: when the broker goes away (restart, network,
 * connections closed by an operator), it reconnects with backoff and runs every `onConnected`
 * setup again (topology, consumers, publishers). HTTP never waits for it.
 */
export class BrokerConnection {
  private connection?: ChannelModel;
  /** Connected and every setup done (topology declared, consumers on). */
  private ready = false;
  private readonly setups: OnConnected[] = [];
  private closing = false;
  private retry?: NodeJS.Timeout;
  private attempt = 0;

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void,
  ) {}

  onConnected(setup: OnConnected): void {
    this.setups.push(setup);
    if (this.connection) void setup(this.connection).catch((error: unknown) => this.dropped(error));
  }

  get connected(): boolean {
    return this.ready;
  }

  start(): void {
    void this.connect();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.ready = false;
    clearTimeout(this.retry);
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    try {
      const connection = await amqp.connect(this.url, { clientProperties: { connection_name: `price-anomaly ${process.pid}` } });
      connection.on('error', () => undefined); // 'close' follows, and decides
      connection.once('close', () => this.dropped(new Error('connection closed')));
      this.connection = connection;
      for (const setup of this.setups) await setup(connection);
      this.ready = true;
      this.attempt = 0;
      this.log('broker connected');
    } catch (error) {
      this.dropped(error);
    }
  }

  private dropped(error: unknown): void {
    this.ready = false;
    const connection = this.connection;
    this.connection = undefined;
    void connection?.close().catch(() => undefined);
    if (this.closing || this.retry) return;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt++);
    this.log(`broker unavailable (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
  }
}
