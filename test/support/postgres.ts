import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { freePort } from './redis-process';

/** The machine's PostgreSQL (started by .ci/install-postgres.sh); tests only ever create and drop their own databases on it. */
export const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432';

/** A database of this test's own on the machine's PostgreSQL; drop() ends its connections and drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `evidence_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: `${MACHINE_POSTGRES}/${name}`,
    async drop() {
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      await admin(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${MACHINE_POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** initdb/pg_ctl from PATH or Debian's /usr/lib/postgresql/<version>/bin. */
function pgBin(name: string): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  for (const version of existsSync(root) ? readdirSync(root).sort().reverse() : []) {
    const candidate = join(root, version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} not found: run .ci/install-postgres.sh`);
}

/**
 * A PostgreSQL server of the test's own (initdb in a temp folder, a free port, trust auth), for tests that
 * need PostgreSQL to die and come back on the same port and data. Never the machine's server.
 */
export class PostgresProcess {
  private constructor(readonly dir: string, readonly port: number) {}

  static async start(): Promise<PostgresProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-pg-'));
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) spawnSync('chown', ['postgres', dir]);
    const init = run(asPostgres, pgBin('initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync']);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    const server = new PostgresProcess(dir, await freePort());
    await server.startServer();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Starts the server again on the same port and data folder. */
  async startServer(): Promise<void> {
    const asPostgres = process.getuid?.() === 0;
    const result = run(asPostgres, pgBin('pg_ctl'), [
      '-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w', '-t', '60',
      '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start',
    ]);
    if (result.status !== 0) throw new Error(`pg_ctl start failed: ${result.stderr}${result.stdout}`);
  }

  /** Stops it at once (connections cut), keeping the data folder. */
  async stop(): Promise<void> {
    const asPostgres = process.getuid?.() === 0;
    run(asPostgres, pgBin('pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** PostgreSQL refuses to run as root: as root, the tools run as the postgres user. */
function run(asPostgres: boolean, bin: string, args: string[]) {
  return asPostgres
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' });
}

/** Waits for a spawned child's exit code. */
export function exitCodeOf(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
