/* eslint-disable no-console -- a command-line tool: its output is its answer */
import { Client } from 'pg';
import { loadEvidenceToolConfig } from '../config/evidence.config';
import { chainKeyFor, KeyringLockedError } from '../evidence/keyring';
import { MasterKeys } from '../evidence/master-keys';
import { verifyChain } from '../evidence/verify-chain';

/**
 * `npm run evidence:verify`: walks the evidence hash chain from its anchor with EVIDENCE_DATABASE_URL,
 * EVIDENCE_MASTER_KEY and, during a rotation, EVIDENCE_MASTER_KEY_PREVIOUS (the chain key comes from the
 * keyring, which either may have wrapped). Exit 0 printing `ok <n> records`; exit 1 naming the first
 * broken record (id and seq, never customer data); exit 2 when it cannot run, the keys opening neither
 * the keyring nor the chain included. A standalone tool: it validates only the variables it reads.
 */
async function main(): Promise<number> {
  const loaded = loadEvidenceToolConfig(process.env);
  if ('problems' in loaded) {
    for (const problem of loaded.problems) console.error(problem);
    return 2;
  }
  const { config } = loaded;
  const masters = MasterKeys.fromBase64(config.masterKeyBase64, config.previousMasterKeyBase64);
  const client = new Client({ connectionString: config.databaseUrl, application_name: 'evidence-verify' });
  client.on('error', () => undefined); // a lost connection rejects the query in flight; that is reported below
  await client.connect();
  try {
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
  } finally {
    await client.end();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`evidence:verify failed: ${(error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error')}`);
    process.exitCode = 2;
  },
);
