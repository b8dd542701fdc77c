import type { SqlDriver, SqlResult, SqlSession } from './sql-driver';

/**
 * The embedded default: PGlite (PostgreSQL compiled to WASM, in memory) behind the same SqlDriver as
 * `pg`. PGlite is one single-user backend, so this adapter is a pool of exactly one session: a
 * transaction holds it until release, and every other query waits its turn (what `pg` with max 1 does).
 * Why an adapter and not @electric-sql/pglite-socket: that package pins an exact PGlite version and
 * declares seven extension packages as required peers; the adapter is this file.
 * Loaded lazily (dynamic import) so a process with EVIDENCE_DATABASE_URL never loads the WASM.
 */
export async function openPgliteDriver(): Promise<SqlDriver> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  let turn: Promise<void> = Promise.resolve();
  let closed = false;

  /** Waits for the session, returns the function that frees it. */
  const acquire = async (): Promise<() => void> => {
    let free!: () => void;
    const previous = turn;
    turn = new Promise<void>((resolve) => (free = resolve));
    await previous;
    return free;
  };
  const run = async <Row>(text: string, values?: unknown[]): Promise<SqlResult<Row>> => {
    if (closed) throw new Error('embedded evidence database is closed');
    if (values === undefined || values.length === 0) {
      // The simple protocol, as pg uses without parameters: a migration file holds many statements.
      const results = await db.exec(text);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as Row[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
    }
    const result = await db.query<Row>(text, values);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  };

  return {
    async query<Row>(text: string, values?: unknown[]) {
      const free = await acquire();
      try {
        return await run<Row>(text, values);
      } finally {
        free();
      }
    },
    async connect(): Promise<SqlSession> {
      const free = await acquire();
      let released = false;
      return {
        query: <Row>(text: string, values?: unknown[]) => run<Row>(text, values),
        release() {
          if (released) return;
          released = true;
          free();
        },
      } as SqlSession;
    },
    async end() {
      const free = await acquire();
      closed = true;
      try {
        await db.close();
      } finally {
        free();
      }
    },
  };
}
