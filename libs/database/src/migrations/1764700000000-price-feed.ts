import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price feed: every observation received (its id makes a resend a no-op, also under races),
 * the alerts held for a person to review, and the outbox that notifies about them at least once.
 */
export class PriceFeed1764700000000 implements MigrationInterface {
  name = 'PriceFeed1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE price_observation (
        observation_id varchar(128) PRIMARY KEY,
        item_id varchar(64) NOT NULL,
        ord_closed_dt date NOT NULL,
        price numeric(14,4) NOT NULL CHECK (price > 0),
        anomaly boolean NOT NULL,
        stored boolean NOT NULL,
        alert_id uuid,
        metadata jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE price_alert (
        seq bigserial UNIQUE,
        alert_id uuid PRIMARY KEY,
        observation_id varchar(128) NOT NULL CONSTRAINT uq_price_alert_observation UNIQUE,
        item_id varchar(64) NOT NULL,
        ord_closed_dt date NOT NULL,
        price numeric(14,4) NOT NULL CHECK (price > 0),
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by varchar(64),
        resolution_note varchar(2000)
      )`);
    await db.query('CREATE INDEX ix_price_alert_status_seq ON price_alert (status, seq)');
    await db.query('CREATE INDEX ix_price_alert_item_seq ON price_alert (item_id, seq)');
    await db.query(`
      CREATE TABLE alert_outbox (
        id bigserial PRIMARY KEY,
        alert_id uuid NOT NULL,
        destination varchar(16) NOT NULL CHECK (destination IN ('webhook', 'amqp')),
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        last_error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX ix_alert_outbox_pending ON alert_outbox (destination, next_attempt_at) WHERE delivered_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE alert_outbox');
    await db.query('DROP TABLE price_alert');
    await db.query('DROP TABLE price_observation');
  }
}
