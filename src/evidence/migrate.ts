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
 * The session lock replicas migrate under. node-pg-migrate's own lock is a *try* lock: a replica starting
 * beside another one migrating fails with "Another migration is already running" and its ledger starts
 * down (answers unstamped, so not stored) until the next health probe. This one waits instead.
 */
const MIGRATION_LOCK = "SELECT pg_advisory_lock(hashtext('customer-signals:evidence-migrations'))";
const MIGRATION_UNLOCK = "SELECT pg_advisory_unlock(hashtext('customer-signals:evidence-migrations'))";

/**
 * Brings the schema up to date with node-pg-migrate on one session, under MIGRATION_LOCK: replicas
 * starting together wait for each other (bounded by the session's statement timeout), then find nothing
 * left to do. Works on `pg` and on the PGlite adapter alike (the runner only calls `query`).
 */
export async function migrate(driver: SqlDriver, logger: Logger): Promise<void> {
  const session = await driver.connect();
  let failed: Error | undefined;
  try {
    await session.query(MIGRATION_LOCK);
    await runner({
      dbClient: session as unknown as ClientBase,
      dir: migrationsDir(),
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      count: Infinity,
      checkOrder: true,
      singleTransaction: true,
      // MIGRATION_LOCK already orders the replicas.
      noLock: true,
      log: () => undefined,
      logger: {
        debug: () => undefined,
        info: (message: string) => logger.debug({ migration: message }, 'evidence migration'),
        warn: (message: string) => logger.warn({ migration: message }, 'evidence migration'),
        error: (message: string) => logger.error({ migration: message }, 'evidence migration'),
      },
    });
    // A pooled session goes back to the pool: its lock must not go with it. (On failure the session is
    // destroyed, which lets the lock go too.)
    await session.query(MIGRATION_UNLOCK);
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    session.release(failed);
  }
}
