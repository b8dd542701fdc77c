import { chainHash, chainedRecordOf } from './chain-hash';
import { dataKeyAad, EvidenceKeys } from './evidence-keys';
import type { MasterKey, MasterKeys } from './master-keys';
import { newKey } from './sealed-box';
import { bytes, inTransaction, int, type SqlDriver, type SqlQueryable } from './sql-driver';

/** The keys the keyring holds; each is wrapped with its name as associated data (rows cannot be swapped). */
export const KEYRING_NAMES = ['customer-hash', 'chain'] as const;
export type KeyringName = (typeof KEYRING_NAMES)[number];

export function keyringAad(name: KeyringName): Buffer {
  return Buffer.from(`evidence-keyring/${name}`, 'utf8');
}

/**
 * The master keys given cannot open what the database holds: the keyring exists under another master, or
 * the records that predate the keyring were chained under another master. Names fingerprints only.
 */
export class KeyringLockedError extends Error {
  readonly code = 'EVIDENCE_KEYRING_LOCKED';
  constructor(what: string, masters: MasterKeys) {
    super(`${what} opens under neither EVIDENCE_MASTER_KEY nor EVIDENCE_MASTER_KEY_PREVIOUS (fingerprints ${masters.all.map((m) => m.fingerprint).join(', ')})`);
    this.name = 'KeyringLockedError';
  }
}

/**
 * The keyring as stored, opened; undefined while it does not exist yet (a database the first version
 * wrote, or a new one). Throws KeyringLockedError when it exists but no master held here wrapped it.
 */
export async function readKeyring(db: SqlQueryable, masters: MasterKeys): Promise<EvidenceKeys | undefined> {
  const table = (await db.query<{ t: unknown }>(`SELECT to_regclass('evidence_keyring') AS t`)).rows[0]?.t;
  if (table === null || table === undefined) return undefined;
  const { rows } = await db.query<{ name: KeyringName; wrapped_key: unknown; master_fingerprint: string }>(
    'SELECT name, wrapped_key, master_fingerprint FROM evidence_keyring',
  );
  if (rows.length === 0) return undefined;
  const keys = new Map<KeyringName, Buffer>();
  for (const row of rows) {
    const opened = masters.unwrap(keyringAad(row.name), bytes(row.wrapped_key), row.master_fingerprint);
    if (!opened) throw new KeyringLockedError(`the evidence keyring (${row.name} key, wrapped by ${row.master_fingerprint})`, masters);
    keys.set(row.name, opened.plain);
  }
  const customerKey = keys.get('customer-hash');
  const chainKey = keys.get('chain');
  if (!customerKey || !chainKey) throw new Error('the evidence keyring is incomplete');
  return new EvidenceKeys(masters, customerKey, chainKey);
}

/**
 * The ledger's keys: the stored keyring, or, the first time, a new one. Creation holds the chain row's
 * lock (every replica's appends and keyring creations serialize there), so one process creates it and no
 * record is appended meanwhile. A new database gets random keys; a database the first version wrote gets
 * the keys that version derived from the master its records were written under (hashes and chain stay
 * valid). Either way they are wrapped under the current master.
 */
export async function loadKeyring(driver: SqlDriver, masters: MasterKeys): Promise<EvidenceKeys> {
  const stored = await readKeyring(driver, masters);
  if (stored) return stored;
  return inTransaction(driver, async (session) => {
    await session.query('SELECT head_seq FROM evidence_chain WHERE id = 1 FOR UPDATE');
    const raced = await readKeyring(session, masters);
    if (raced) return raced;
    const adopted = await adoptedMaster(session, masters);
    if (adopted === undefined) throw new KeyringLockedError('the evidence written before the keyring', masters);
    const { customerKey, chainKey } = adopted === 'new' ? { customerKey: newKey(), chainKey: newKey() } : adopted.legacyKeys();
    const plain: Record<KeyringName, Buffer> = { 'customer-hash': customerKey, chain: chainKey };
    for (const name of KEYRING_NAMES) {
      const { wrapped, fingerprint } = masters.wrap(keyringAad(name), plain[name]);
      await session.query(
        'INSERT INTO evidence_keyring (name, wrapped_key, master_fingerprint, origin, created_at) VALUES ($1, $2, $3, $4, $5)',
        [name, wrapped, fingerprint, adopted === 'new' ? 'random' : 'legacy', new Date()],
      );
    }
    return new EvidenceKeys(masters, customerKey, chainKey);
  });
}

/**
 * The chain key to verify with: the keyring's, or for a database without one yet (written by the first
 * version, not opened since), the key derived from the master its records were written under. Read-only.
 */
export async function chainKeyFor(db: SqlQueryable, masters: MasterKeys): Promise<Buffer> {
  const stored = await readKeyring(db, masters);
  if (stored) return stored.chainKey;
  const adopted = await adoptedMaster(db, masters);
  if (adopted === undefined) throw new KeyringLockedError('the evidence written before the keyring', masters);
  return adopted === 'new' ? newKey() : adopted.legacyKeys().chainKey;
}

/**
 * Which master a database without a keyring was written under: 'new' when it holds nothing yet; else the
 * master whose derived chain key reproduces the newest record's hash, or (no record left) whose KEK opens
 * a live data key; else, with nothing to test against (only access-log rows, erasures, erased keys), the
 * previous master when one is given (the database predates this deployment), the current otherwise.
 * Undefined when there was something to test and no master held here passed.
 */
async function adoptedMaster(db: SqlQueryable, masters: MasterKeys): Promise<MasterKey | 'new' | undefined> {
  const state = (await db.query<Record<string, unknown>>(
    `SELECT (SELECT head_seq FROM evidence_chain WHERE id = 1) AS head_seq,
            EXISTS (SELECT 1 FROM evidence_data_keys) AS data_keys,
            EXISTS (SELECT 1 FROM evidence_access_log) AS access_log,
            EXISTS (SELECT 1 FROM evidence_erasures) AS erasures`,
  )).rows[0];
  if (!state) throw new Error('evidence chain row missing');
  if (int(state.head_seq ?? 0) === 0 && !state.data_keys && !state.access_log && !state.erasures) return 'new';

  const newest = (await db.query<Record<string, unknown>>(
    `SELECT id, seq, vendor, product, customer_hash, key_id, retrieved_at, recorded_at, sealed, prev_hash, hash
       FROM evidence_records ORDER BY seq DESC LIMIT 1`,
  )).rows[0];
  if (newest) {
    const record = chainedRecordOf(newest);
    return masters.all.find((master) => chainHash(master.legacyKeys().chainKey, bytes(newest.prev_hash), record).equals(bytes(newest.hash)));
  }
  const live = (await db.query<Record<string, unknown>>(
    'SELECT key_id, customer_hash, wrapped_key FROM evidence_data_keys WHERE wrapped_key IS NOT NULL LIMIT 1',
  )).rows[0];
  if (live) {
    return masters.unwrap(dataKeyAad(String(live.key_id), bytes(live.customer_hash)), bytes(live.wrapped_key), null)?.by;
  }
  return masters.previous ?? masters.current;
}
