/* eslint-disable no-console -- a command-line tool: its output is its answer */
import { Client } from 'pg';
import { loadEvidenceToolConfig } from '../config/evidence.config';
import { KeyringLockedError } from '../evidence/keyring';
import { MasterKeys } from '../evidence/master-keys';
import { clientDriver } from '../evidence/pg-driver';
import { rotateMasterKey } from '../evidence/rotate-master-key';

/**
 * `npm run evidence:rotate-key`: re-wraps the keyring and every live customer data key from
 * EVIDENCE_MASTER_KEY_PREVIOUS (the old master) to EVIDENCE_MASTER_KEY (the new one) on
 * EVIDENCE_DATABASE_URL, EVIDENCE_ROTATE_BATCH_SIZE keys per statement. Safe while replicas run with both
 * keys; idempotent (run it again after any interruption). Exit 0 printing how many keys it re-wrapped;
 * exit 1 when a key opens under neither master (the keyring: nothing was changed; a data key: the others
 * were re-wrapped, that one is named by key id); exit 2 when it cannot run. Never prints key material:
 * masters are named by fingerprint.
 */
async function main(): Promise<number> {
  const loaded = loadEvidenceToolConfig(process.env);
  if ('problems' in loaded) {
    for (const problem of loaded.problems) console.error(problem);
    return 2;
  }
  const { config } = loaded;
  const masters = MasterKeys.fromBase64(config.masterKeyBase64, config.previousMasterKeyBase64);
  const client = new Client({ connectionString: config.databaseUrl, application_name: 'evidence-rotate-key' });
  client.on('error', () => undefined); // a lost connection rejects the query in flight; that is reported below
  await client.connect();
  const driver = clientDriver(client);
  try {
    const report = await rotateMasterKey(driver, masters, config.rotateBatchSize);
    const total = report.keyring + report.dataKeys;
    console.log(`re-wrapped ${total} keys under master key ${masters.current.fingerprint}: ${report.keyring} keyring keys, ${report.dataKeys} data keys`);
    if (report.unopenable > 0) {
      console.error(`${report.unopenable} data keys open under neither EVIDENCE_MASTER_KEY nor EVIDENCE_MASTER_KEY_PREVIOUS (first: ${report.firstUnopenable ?? '?'}); left as they are`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof KeyringLockedError)) throw error;
    console.error(`nothing re-wrapped: ${error.message}`);
    return 1;
  } finally {
    await driver.end();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`evidence:rotate-key failed: ${(error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error')}`);
    process.exitCode = 2;
  },
);
