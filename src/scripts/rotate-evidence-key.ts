/* eslint-disable no-console -- a command-line tool: its output is its answer */
import { KeyringLockedError } from '../evidence/keyring';
import { clientDriver } from '../evidence/pg-driver';
import { rotateMasterKey } from '../evidence/rotate-master-key';
import { runEvidenceTool } from './evidence-tool';

/**
 * `npm run evidence:rotate-key`: re-wraps the keyring and every live customer data key from
 * EVIDENCE_MASTER_KEY_PREVIOUS (the old master) to EVIDENCE_MASTER_KEY (the new one) on
 * EVIDENCE_DATABASE_URL, EVIDENCE_ROTATE_BATCH_SIZE keys per statement. Safe while replicas run with both
 * keys; idempotent (run it again after any interruption). Exit 0 printing how many keys it re-wrapped;
 * exit 1 when a key opens under neither master (the keyring: nothing was changed; a data key: the others
 * were re-wrapped, that one is named by key id); exit 2 when it cannot run. Never prints key material:
 * masters are named by fingerprint.
 */
runEvidenceTool('evidence:rotate-key', 'evidence-rotate-key', async ({ config, masters, client }) => {
  try {
    const report = await rotateMasterKey(clientDriver(client), masters, config.rotateBatchSize);
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
  }
});
