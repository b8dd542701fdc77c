-- Up Migration
-- Master key rotation (src/evidence/keyring.ts, src/evidence/rotate-master-key.ts). The customer-hash key
-- and the chain key become random keys kept here, wrapped under EVIDENCE_MASTER_KEY's KEK, so a new master
-- key only re-wraps them; every wrapped key names the master that wrapped it by fingerprint (8 bytes of
-- HMAC(KEK, 'fingerprint'), hex: never the key). The keys themselves are created by the first process
-- to open the database (SQL has no master key).

CREATE TABLE evidence_keyring (
  name text PRIMARY KEY CHECK (name IN ('customer-hash', 'chain')),
  wrapped_key bytea NOT NULL,
  master_fingerprint text NOT NULL,
  -- 'random' for a new database, 'legacy' when adopted from the first version's derivation.
  origin text NOT NULL CHECK (origin IN ('random', 'legacy')),
  created_at timestamptz NOT NULL,
  rewrapped_at timestamptz
);

-- NULL: wrapped before fingerprints existed (by the master the keyring was adopted from).
ALTER TABLE evidence_data_keys ADD COLUMN master_fingerprint text;

-- Down Migration
ALTER TABLE evidence_data_keys DROP COLUMN master_fingerprint;
DROP TABLE evidence_keyring;
