import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import amqp, { type Channel, type ChannelModel } from 'amqplib';

const run = promisify(execFile);
export const RABBITMQ_HOST = process.env.TEST_RABBITMQ_HOST ?? '127.0.0.1:5672';

/** A vhost of the test's own on the machine's RabbitMQ, so runs cannot collide; deleted afterwards. */
export class TestVhost {
  readonly name = `price-anomaly-test-${randomBytes(4).toString('hex')}`;
  readonly url = `amqp://guest:guest@${RABBITMQ_HOST}/${encodeURIComponent(this.name)}`;
  private connection?: ChannelModel;
  channel!: Channel;

  async create(): Promise<void> {
    await run('rabbitmqctl', ['-q', 'add_vhost', this.name]);
    await run('rabbitmqctl', ['-q', 'set_permissions', '-p', this.name, 'guest', '.*', '.*', '.*']);
    this.connection = await amqp.connect(this.url);
    this.channel = await this.connection.createChannel();
  }

  /** What an operator (or a broker restart) does to every client: their connections drop. */
  async closeConnections(): Promise<void> {
    await run('rabbitmqctl', ['-q', 'close_all_connections', '--vhost', this.name, 'test: broker went away']);
  }

  async reconnect(): Promise<void> {
    this.connection = await amqp.connect(this.url);
    this.channel = await this.connection.createChannel();
  }

  async delete(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
    await run('rabbitmqctl', ['-q', 'delete_vhost', this.name]).catch(() => undefined);
  }
}
