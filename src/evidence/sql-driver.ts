/**
 * The little the ledger asks of a database: queries, and a session held for a transaction. `pg`'s Pool
 * and Client satisfy it as they are; the embedded PGlite gets a thin adapter (pglite-driver.ts). Row
 * values are normalized by the caller (PGlite returns int8 as number and bytea as Uint8Array, pg returns
 * strings and Buffers).
 */
export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number | null;
}

export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<SqlResult<Row>>;
}

export interface SqlSession extends SqlQueryable {
  /** Give the session back; `destroy` (pg) drops a connection that saw an error. */
  release(destroy?: boolean | Error): void;
}

export interface SqlDriver extends SqlQueryable {
  connect(): Promise<SqlSession>;
  end(): Promise<void>;
}

/** A bytea value as a Buffer, whichever driver read it. */
export function bytes(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('expected a bytea value');
}

/** An int8 value as a number (sequence numbers stay far below 2^53). */
export function int(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Runs `work` in one transaction on one session; rolls back and rethrows on failure. */
export async function inTransaction<T>(driver: SqlDriver, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const session = await driver.connect();
  let broken: Error | undefined;
  try {
    await session.query('BEGIN');
    const result = await work(session);
    await session.query('COMMIT');
    return result;
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    session.release(broken);
  }
}
