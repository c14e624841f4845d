-- Run once by docker-compose's postgres at init (/docker-entrypoint-initdb.d), SQL alone.
-- It builds the schema of the apps' migrations, records them as applied (so the apps' own
-- migration run at boot finds nothing to do), and loads the seed file with COPY.
-- test/docker/init-sql.e2e-spec.ts runs this file with psql and compares the resulting schema
-- with the migrations', so the two cannot drift apart.
--   psql -v seed_file=/abs/path/precios_historicos.csv -f db-seed/init/01-schema-and-seed.sql
\set ON_ERROR_STOP on
\if :{?seed_file}
\else
  \set seed_file '/docker-entrypoint-initdb.d/precios_historicos.csv'
\endif

BEGIN;

CREATE TABLE item_historical_pricing (
  id bigserial PRIMARY KEY,
  item_id varchar(64) NOT NULL,
  ord_closed_dt date NOT NULL,
  price numeric(14,4) NOT NULL CHECK (price > 0)
);
CREATE INDEX ix_item_historical_pricing_item_date_id_price ON item_historical_pricing (item_id, ord_closed_dt, id) INCLUDE (price);
CREATE INDEX ix_item_historical_pricing_item_price ON item_historical_pricing (item_id, price);

CREATE TABLE price_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256 char(64) NOT NULL CONSTRAINT uq_price_import_sha256 UNIQUE,
  row_count integer NOT NULL,
  file_name varchar(255),
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE item_history_version_seq;
CREATE TABLE item_history_version (
  item_id varchar(64) PRIMARY KEY,
  version bigint NOT NULL
);
CREATE FUNCTION bump_item_history_version_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
  INSERT INTO item_history_version (item_id, version)
  SELECT item_id, nextval('item_history_version_seq') FROM (SELECT DISTINCT item_id FROM new_rows) AS changed
  ON CONFLICT (item_id) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END $$;
CREATE FUNCTION bump_item_history_version_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
  INSERT INTO item_history_version (item_id, version)
  SELECT item_id, nextval('item_history_version_seq') FROM (SELECT DISTINCT item_id FROM old_rows) AS changed
  ON CONFLICT (item_id) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END $$;
CREATE FUNCTION bump_item_history_version_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
  INSERT INTO item_history_version (item_id, version)
  SELECT item_id, nextval('item_history_version_seq') FROM (SELECT item_id FROM old_rows UNION SELECT item_id FROM new_rows) AS changed
  ON CONFLICT (item_id) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END $$;
CREATE FUNCTION bump_all_item_history_versions() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN UPDATE item_history_version SET version = nextval('item_history_version_seq'); RETURN NULL; END $$;
CREATE TRIGGER trg_item_history_version_insert AFTER INSERT ON item_historical_pricing
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_insert();
CREATE TRIGGER trg_item_history_version_delete AFTER DELETE ON item_historical_pricing
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_delete();
CREATE TRIGGER trg_item_history_version_update AFTER UPDATE ON item_historical_pricing
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_item_history_version_on_update();
CREATE TRIGGER trg_item_history_version_truncate AFTER TRUNCATE ON item_historical_pricing
  FOR EACH STATEMENT EXECUTE FUNCTION bump_all_item_history_versions();

-- The price feed (migration PriceFeed1764700000000).
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
);
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
);
CREATE INDEX ix_price_alert_status_seq ON price_alert (status, seq);
CREATE INDEX ix_price_alert_item_seq ON price_alert (item_id, seq);
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
);
CREATE INDEX ix_alert_outbox_pending ON alert_outbox (destination, next_attempt_at) WHERE delivered_at IS NULL;

-- TypeORM's bookkeeping: every migration counts as applied.
CREATE TABLE migrations (id serial CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL);
INSERT INTO migrations ("timestamp", name) VALUES
  (1763700000000, 'InitialSchema1763700000000'),
  (1763800000000, 'ItemPriceIndex1763800000000'),
  (1764600000000, 'CoveringHistoryIndex1764600000000'),
  (1764700000000, 'PriceFeed1764700000000');

COPY item_historical_pricing (item_id, ord_closed_dt, price) FROM :'seed_file' WITH (FORMAT csv, HEADER true);
-- Recorded like an upload (SHA-256 of the canonical rows, as the loader hashes them), so
-- uploading the seed file again inserts nothing.
INSERT INTO price_import (sha256, row_count, file_name)
  SELECT '908c00539609591441c97a794a6bafc8e466c89eac99061b33b8bb5ae2d5ad7c', count(*), 'precios_historicos.csv' FROM item_historical_pricing;

COMMIT;
ANALYZE item_historical_pricing;
