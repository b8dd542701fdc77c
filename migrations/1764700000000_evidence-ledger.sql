-- Up Migration
-- The sealed evidence ledger (src/evidence/). No column holds a readable customer id, reference, body or
-- SMS text: customers are HMAC-SHA256 keyed hashes, payloads are AES-256-GCM under per-customer data keys.

-- Per customer data keys, wrapped under the KEK; erasure nulls wrapped_key (the records stay, unreadable).
CREATE TABLE evidence_data_keys (
  key_id text PRIMARY KEY,
  customer_hash bytea NOT NULL,
  wrapped_key bytea,
  created_at timestamptz NOT NULL,
  destroyed_at timestamptz
);
CREATE INDEX evidence_data_keys_customer ON evidence_data_keys (customer_hash) WHERE wrapped_key IS NOT NULL;

-- The last erasure instant per customer: appends of fetches started before it are refused.
CREATE TABLE evidence_erasures (
  customer_hash bytea PRIMARY KEY,
  erased_at timestamptz NOT NULL
);

-- One record per vendor answer, hash-chained by seq.
CREATE TABLE evidence_records (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  vendor text NOT NULL,
  product text NOT NULL,
  customer_hash bytea NOT NULL,
  key_id text NOT NULL,
  retrieved_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  sealed bytea NOT NULL,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL
);
CREATE INDEX evidence_records_customer ON evidence_records (customer_hash);
CREATE INDEX evidence_records_retrieved ON evidence_records (retrieved_at);

-- The one chain row: the head appends extend (its row lock serializes every replica's appends) and the
-- anchor the sweep moves past deleted records (the verifier starts there).
CREATE TABLE evidence_chain (
  id smallint PRIMARY KEY CHECK (id = 1),
  head_seq bigint NOT NULL,
  head_hash bytea NOT NULL,
  anchor_seq bigint NOT NULL,
  anchor_hash bytea NOT NULL
);
INSERT INTO evidence_chain (id, head_seq, head_hash, anchor_seq, anchor_hash)
VALUES (1, 0, '\x'::bytea, 0, '\x'::bytea);

-- Who read whose signals.
CREATE TABLE evidence_access_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  subject text NOT NULL,
  client_name text,
  client_version text,
  operation_name text,
  customer_hash bytea NOT NULL,
  field text NOT NULL,
  evidence_id text
);
CREATE INDEX evidence_access_log_customer ON evidence_access_log (customer_hash, at DESC);
CREATE INDEX evidence_access_log_at ON evidence_access_log (at);

-- Down Migration
DROP TABLE evidence_access_log;
DROP TABLE evidence_chain;
DROP TABLE evidence_records;
DROP TABLE evidence_erasures;
DROP TABLE evidence_data_keys;
