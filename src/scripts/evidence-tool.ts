/* eslint-disable no-console -- a command-line tool: its output is its answer */
import { Client } from 'pg';
import { loadEvidenceToolConfig, type EvidenceToolConfig } from '../config/evidence.config';
import { MasterKeys } from '../evidence/master-keys';

/** What an evidence tool works with: its validated variables, the master keys and one connection. */
export interface EvidenceToolSession {
  config: EvidenceToolConfig;
  masters: MasterKeys;
  client: Client;
}

/**
 * Runs one evidence command-line tool (`npm run evidence:verify`, `npm run evidence:rotate-key`): reads
 * and validates only the variables the tools read (exit 2 naming every problem), opens one connection to
 * EVIDENCE_DATABASE_URL under `applicationName`, hands it to `work` and closes it, and sets the exit code
 * `work` returns. A failure it did not expect is exit 2, named by its SQLSTATE or error name only (never
 * a URL, a key or customer data).
 */
export function runEvidenceTool(name: string, applicationName: string, work: (session: EvidenceToolSession) => Promise<number>): void {
  const run = async (): Promise<number> => {
    const loaded = loadEvidenceToolConfig(process.env);
    if ('problems' in loaded) {
      for (const problem of loaded.problems) console.error(problem);
      return 2;
    }
    const { config } = loaded;
    const masters = MasterKeys.fromBase64(config.masterKeyBase64, config.previousMasterKeyBase64);
    const client = new Client({ connectionString: config.databaseUrl, application_name: applicationName });
    client.on('error', () => undefined); // a lost connection rejects the query in flight; reported by the tool
    await client.connect();
    try {
      return await work({ config, masters, client });
    } finally {
      await client.end();
    }
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name} failed: ${(error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error')}`);
      process.exitCode = 2;
    },
  );
}
