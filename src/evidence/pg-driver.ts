import { Pool, type Client } from 'pg';
import type { Logger } from 'pino';
import type { SqlDriver } from './sql-driver';

/**
 * `pg`'s Pool for EVIDENCE_DATABASE_URL: at most EVIDENCE_POOL_MAX connections, connecting and each
 * statement bounded by the write timeout so a hung server fails a call instead of holding it. An idle
 * connection that dies emits 'error' on the pool: logged (no URL, it may hold a password), never thrown.
 */
export function openPgDriver(url: string, poolMax: number, timeoutMs: number, logger: Logger): SqlDriver {
  const pool = new Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'customer-signals-evidence',
  });
  pool.on('error', (error: Error & { code?: string }) => {
    logger.warn({ code: error.code }, 'evidence database connection lost');
  });
  return {
    query: (text: string, values?: unknown[]) => pool.query(text, values),
    async connect() {
      const client = await pool.connect();
      // A checked-out connection that dies emits 'error' on the client: without a listener it would crash
      // the process; the query in flight rejects anyway and marks the ledger down.
      const onError = () => undefined;
      client.on('error', onError);
      return {
        query: (text: string, values?: unknown[]) => client.query(text, values),
        release(destroy?: boolean | Error) {
          client.removeListener('error', onError);
          client.release(destroy);
        },
      };
    },
    end: () => pool.end(),
  } as SqlDriver;
}

/**
 * One `pg` Client as a SqlDriver, for the command-line tools: every query and "session" is that one
 * connection (a tool runs one thing at a time), and end() closes it.
 */
export function clientDriver(client: Client): SqlDriver {
  const query = (text: string, values?: unknown[]) => client.query(text, values);
  return {
    query,
    connect: async () => ({ query, release: () => undefined }),
    end: () => client.end(),
  } as SqlDriver;
}
