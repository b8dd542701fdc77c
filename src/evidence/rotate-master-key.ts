import { dataKeyAad } from './evidence-keys';
import { KEYRING_NAMES, keyringAad, loadKeyring, type KeyringName } from './keyring';
import type { MasterKeys } from './master-keys';
import { bytes, type SqlDriver } from './sql-driver';

export interface RotationReport {
  /** Keyring keys re-wrapped under the current master (0 to 2). */
  keyring: number;
  /** Customer data keys re-wrapped under the current master. */
  dataKeys: number;
  /** Live data keys no master held here opens: left as they are (their evidence reads ERASED). */
  unopenable: number;
  /** The first of those, by key id (an opaque id, no customer data), for the operator to look at. */
  firstUnopenable?: string;
}

/**
 * Re-wraps every key not yet under the current master (the keyring, then each live customer data key, in
 * batches of `batchSize` by key id) with the key that wrapped it: `masters.previous`, or either for rows
 * from before fingerprints. Creates the keyring first if the database has none (adopting the first
 * version's keys, as a starting ledger would).
 *
 * What must stay true, so it can run while replicas serve: each row switches in one UPDATE that also
 * checks the row still holds the bytes that were unwrapped (compare and swap), so a key erased meanwhile
 * is never brought back and a concurrent run never double-wraps; replicas holding both masters read the
 * row before and after. Idempotent and resumable: a second run finds nothing to do (or only what a
 * replica without the new key wrapped since). Throws KeyringLockedError when neither master opens the keyring.
 */
export async function rotateMasterKey(driver: SqlDriver, masters: MasterKeys, batchSize: number): Promise<RotationReport> {
  await loadKeyring(driver, masters);
  const current = masters.current.fingerprint;
  const report: RotationReport = { keyring: 0, dataKeys: 0, unopenable: 0 };

  const ring = await driver.query<{ name: KeyringName; wrapped_key: unknown; master_fingerprint: string }>(
    'SELECT name, wrapped_key, master_fingerprint FROM evidence_keyring WHERE master_fingerprint <> $1',
    [current],
  );
  for (const row of ring.rows) {
    if (!KEYRING_NAMES.includes(row.name)) continue;
    const old = bytes(row.wrapped_key);
    const opened = masters.unwrap(keyringAad(row.name), old, row.master_fingerprint);
    if (!opened) throw new Error(`the evidence keyring's ${row.name} key did not open`); // loadKeyring opened it just now
    const { wrapped } = masters.wrap(keyringAad(row.name), opened.plain);
    const updated = await driver.query(
      'UPDATE evidence_keyring SET wrapped_key = $2, master_fingerprint = $3, rewrapped_at = $4 WHERE name = $1 AND wrapped_key = $5',
      [row.name, wrapped, current, new Date(), old],
    );
    report.keyring += updated.rowCount ?? 0;
  }

  let after = '';
  for (;;) {
    const { rows } = await driver.query<{ key_id: string; customer_hash: unknown; wrapped_key: unknown; master_fingerprint: string | null }>(
      `SELECT key_id, customer_hash, wrapped_key, master_fingerprint FROM evidence_data_keys
        WHERE key_id > $1 AND wrapped_key IS NOT NULL AND master_fingerprint IS DISTINCT FROM $2
        ORDER BY key_id LIMIT ${Math.max(1, Math.floor(batchSize))}`,
      [after, current],
    );
    const last = rows[rows.length - 1];
    if (!last) break;
    after = last.key_id;
    const ids: string[] = [];
    const olds: Buffer[] = [];
    const news: Buffer[] = [];
    for (const row of rows) {
      const aad = dataKeyAad(row.key_id, bytes(row.customer_hash));
      const old = bytes(row.wrapped_key);
      const opened = masters.unwrap(aad, old, row.master_fingerprint);
      if (!opened) {
        report.unopenable += 1;
        report.firstUnopenable ??= row.key_id;
        continue;
      }
      ids.push(row.key_id);
      olds.push(old);
      news.push(masters.wrap(aad, opened.plain).wrapped);
    }
    if (ids.length > 0) {
      const updated = await driver.query(
        `UPDATE evidence_data_keys k SET wrapped_key = v.new_key, master_fingerprint = $4
           FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS v(key_id, old_key, new_key)
          WHERE k.key_id = v.key_id AND k.wrapped_key = v.old_key`,
        [ids, olds, news, current],
      );
      report.dataKeys += updated.rowCount ?? 0;
    }
    if (rows.length < batchSize) break;
  }
  return report;
}
