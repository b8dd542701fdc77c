/* eslint-disable no-console -- a command-line tool: its output is its answer */
import { Client } from 'pg';
import { EvidenceKeys } from '../evidence/evidence-keys';
import { verifyChain } from '../evidence/verify-chain';

/**
 * `npm run evidence:verify`: walks the evidence hash chain from its anchor with EVIDENCE_DATABASE_URL and
 * EVIDENCE_MASTER_KEY. Exit 0 printing `ok <n> records`; exit 1 naming the first broken record (id and
 * seq, never customer data); exit 2 when it cannot run. Reads the environment itself: a standalone tool,
 * not part of the server's config.
 */
async function main(): Promise<number> {
  const url = process.env.EVIDENCE_DATABASE_URL;
  const key = process.env.EVIDENCE_MASTER_KEY;
  if (!url || !key || Buffer.from(key, 'base64').length !== 32) {
    console.error('EVIDENCE_DATABASE_URL and EVIDENCE_MASTER_KEY (32 bytes, base64) are required');
    return 2;
  }
  const client = new Client({ connectionString: url, application_name: 'evidence-verify' });
  client.on('error', () => undefined); // a lost connection rejects the query in flight; that is reported below
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verdict = await verifyChain(client, EvidenceKeys.fromBase64(key).chainKey);
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
