import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The machine's PostgreSQL, where the bench makes a database of its own (never touching another). */
const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432';

/** Where the bench's server keeps its evidence: a database made for this run, or none. */
export interface BenchLedger {
  /** `postgresql` when the ledger is on, `disabled` when asked for or no PostgreSQL answered. */
  mode: 'postgresql' | 'disabled';
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * The evidence ledger as production runs it (PostgreSQL, sealed, chained): a database created on the
 * machine's PostgreSQL for this run and dropped after it, with a master key made for this run only. With
 * `--no-ledger`, or when PostgreSQL does not answer, the server runs with EVIDENCE_DISABLED=true and the
 * results say so (`workload.ledger`).
 */
export async function openBenchLedger(wanted: boolean, progress: (message: string) => void): Promise<BenchLedger> {
  const disabled: BenchLedger = { mode: 'disabled', env: { EVIDENCE_DISABLED: 'true' }, drop: async () => undefined };
  if (!wanted) return disabled;
  const name = `signals_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    progress(`no PostgreSQL on 127.0.0.1:5432 (${(error as Error).message}): the ledger is off for this run`);
    return disabled;
  }
  return {
    mode: 'postgresql',
    env: { EVIDENCE_DATABASE_URL: `${MACHINE_POSTGRES}/${name}`, EVIDENCE_MASTER_KEY: randomBytes(32).toString('base64') },
    async drop() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${MACHINE_POSTGRES}/postgres`, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
