import type { EvidenceKeys } from './evidence-keys';
import type { EvidenceEvents } from './evidence-events';
import { ACCESS_LOG_READ_MAX, type AccessEntry, type AccessLogView } from './evidence-types';
import type { SqlDriver } from './sql-driver';

export interface AccessLogLimits {
  flushIntervalMs: number;
  batchMax: number;
  queueMax: number;
}

/**
 * The access log's write side: entries wait in a bounded in-memory queue and are written by one
 * multi-row INSERT per batch, so a resolved field costs an array push. What must stay true: every
 * entry is either written, or counted as dropped (queue full) or failed (its flush did not commit and
 * it no longer fits for a retry); the customer id is hashed before it is queued (the keyring loaded: always
 * once the ledger has been up), else when written (entries queued while the database was never reached).
 */
export class AccessLog {
  /** An entry's customer is its keyed hash, or its id only until the keyring is first loaded. */
  private queue: Array<Omit<AccessEntry, 'customerId'> & { customer: Buffer | string }> = [];
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly driver: SqlDriver,
    private readonly keys: () => EvidenceKeys | undefined,
    private readonly events: EvidenceEvents,
    private readonly limits: AccessLogLimits,
    private readonly canWrite: () => boolean,
    private readonly onFailure: (error: unknown) => void,
  ) {
    this.timer = setInterval(() => void this.flush(), limits.flushIntervalMs);
    this.timer.unref();
  }

  record(entry: AccessEntry): void {
    if (this.queue.length >= this.limits.queueMax) {
      this.events.access({ result: 'dropped', count: 1 });
      return;
    }
    const { customerId, ...rest } = entry;
    this.queue.push({ ...rest, customer: this.keys()?.customerHash(customerId) ?? customerId });
  }

  /** Writes what is queued, batch by batch; resolves when the queue is empty or a batch failed. Never rejects. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.drain().finally(() => {
        this.flushing = undefined;
      });
    }
    return this.flushing;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get pending(): number {
    return this.queue.length;
  }

  async read(customerId: string, since?: Date): Promise<AccessLogView[]> {
    const { rows } = await this.driver.query<{
      at: Date; subject: string; client_name: string | null; client_version: string | null;
      operation_name: string | null; field: string; evidence_id: string | null;
    }>(
      `SELECT at, subject, client_name, client_version, operation_name, field, evidence_id
         FROM evidence_access_log WHERE customer_hash = $1 AND at >= $2
        ORDER BY at DESC, id DESC LIMIT ${ACCESS_LOG_READ_MAX}`,
      [this.ring().customerHash(customerId), since ?? new Date(0)],
    );
    return rows.map((row) => ({
      at: row.at,
      subject: row.subject,
      clientName: row.client_name,
      clientVersion: row.client_version,
      operationName: row.operation_name,
      field: row.field,
      evidenceId: row.evidence_id,
    }));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && this.canWrite()) {
      const batch = this.queue.splice(0, this.limits.batchMax);
      try {
        await this.insert(batch);
        this.events.access({ result: 'written', count: batch.length });
      } catch (error) {
        this.onFailure(error);
        const room = this.limits.queueMax - this.queue.length;
        const retried = batch.slice(0, Math.max(0, room));
        this.queue.unshift(...retried);
        this.events.access({ result: 'failed', count: batch.length - retried.length });
        return;
      }
    }
  }

  private ring(): EvidenceKeys {
    const keys = this.keys();
    if (!keys) throw new Error('the evidence keyring is not loaded');
    return keys;
  }

  private async insert(batch: AccessLog['queue']): Promise<void> {
    const keys = this.ring();
    const values: unknown[] = [];
    const tuples = batch.map((entry) => {
      const base = values.length;
      values.push(
        entry.at, entry.subject, entry.clientName ?? null, entry.clientVersion ?? null,
        entry.operationName ?? null, typeof entry.customer === 'string' ? keys.customerHash(entry.customer) : entry.customer,
        entry.field, entry.evidenceId ?? null,
      );
      return `(${Array.from({ length: 8 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await this.driver.query(
      `INSERT INTO evidence_access_log (at, subject, client_name, client_version, operation_name, customer_hash, field, evidence_id)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
