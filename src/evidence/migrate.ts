import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runner } from 'node-pg-migrate';
import type { ClientBase } from 'pg';
import type { Logger } from 'pino';
import type { SqlDriver } from './sql-driver';

/** Table node-pg-migrate keeps the applied migrations in. */
export const MIGRATIONS_TABLE = 'evidence_migrations';

/**
 * The top-level `migrations/` folder (it ships with the package): found upward from this file, which
 * runs from src/evidence (ts-jest) or dist/src/evidence (the build).
 */
export function migrationsDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('migrations folder not found');
  }
}

/**
 * Brings the schema up to date with node-pg-migrate on one session: its advisory lock makes replicas
 * starting together wait for each other instead of racing. Works on `pg` and on the PGlite adapter
 * alike (the runner only calls `query`).
 */
export async function migrate(driver: SqlDriver, logger: Logger): Promise<void> {
  const session = await driver.connect();
  let failed: Error | undefined;
  try {
    await runner({
      dbClient: session as unknown as ClientBase,
      dir: migrationsDir(),
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      count: Infinity,
      checkOrder: true,
      singleTransaction: true,
      log: () => undefined,
      logger: {
        debug: () => undefined,
        info: (message: string) => logger.debug({ migration: message }, 'evidence migration'),
        warn: (message: string) => logger.warn({ migration: message }, 'evidence migration'),
        error: (message: string) => logger.error({ migration: message }, 'evidence migration'),
      },
    });
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    session.release(failed);
  }
}
