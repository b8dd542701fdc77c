/* eslint-disable no-console -- a command-line tool: its output is its answer */
import { chainKeyFor, KeyringLockedError } from '../evidence/keyring';
import { verifyChain } from '../evidence/verify-chain';
import { runEvidenceTool } from './evidence-tool';

/**
 * `npm run evidence:verify`: walks the evidence hash chain from its anchor with EVIDENCE_DATABASE_URL,
 * EVIDENCE_MASTER_KEY and, during a rotation, EVIDENCE_MASTER_KEY_PREVIOUS (the chain key comes from the
 * keyring, which either may have wrapped). Exit 0 printing `ok <n> records`; exit 1 naming the first
 * broken record (id and seq, never customer data); exit 2 when it cannot run, the keys opening neither
 * the keyring nor the chain included. A standalone tool: it validates only the variables it reads.
 */
runEvidenceTool('evidence:verify', 'evidence-verify', async ({ masters, client }) => {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  let chainKey: Buffer;
  try {
    chainKey = await chainKeyFor(client, masters);
  } catch (error) {
    if (!(error instanceof KeyringLockedError)) throw error;
    console.error(`cannot verify: ${error.message}`);
    return 2;
  }
  const verdict = await verifyChain(client, chainKey);
  await client.query('COMMIT');
  if (verdict.ok) {
    console.log(`ok ${verdict.records} records`);
    return 0;
  }
  console.error(`broken: record ${verdict.id ?? '(none)'} seq ${verdict.seq}: ${verdict.reason}`);
  return 1;
});
