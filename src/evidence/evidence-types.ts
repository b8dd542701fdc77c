/** One vendor answer to append, as the loader has it (clear text here, sealed in the database). */
export interface EvidenceDraft {
  /** The vendor's name, e.g. 'CREDEAU'. */
  vendor: string;
  /** The product, e.g. 'credeau-sms'. */
  product: string;
  /** Clear text here; in the database only as a keyed hash and inside the sealed payload. */
  customerId: string;
  /** The call's arguments (sealed). */
  arguments: Record<string, unknown>;
  /** The vendor's raw response body bytes as received (sealed). */
  body: Buffer;
  /** Sealed. */
  vendorRequestId?: string;
  retrievedAt: Date;
  /** If this customer was erased after this instant, the append is refused and nothing is written. */
  fetchStartedAt: Date;
}

export type AppendResult = { evidenceId: string } | { refused: 'erased' };

export interface EvidenceRecordView {
  id: string;
  vendor: string;
  product: string;
  /** null once erased or expired. */
  customerId: string | null;
  retrievedAt: Date;
  vendorRequestId: string | null;
  /** EXPIRED: past EVIDENCE_RETENTION_DAYS and not yet swept (a swept id reads as unknown: null). */
  status: 'AVAILABLE' | 'ERASED' | 'EXPIRED';
  /** JSON.parse of the sealed body while AVAILABLE (the raw string if it is not JSON). */
  body: unknown | null;
  arguments: Record<string, unknown> | null;
}

export interface AccessEntry {
  at: Date;
  /** JWT sub or 'anonymous'. */
  subject: string;
  clientName?: string;
  clientVersion?: string;
  operationName?: string;
  /** Stored only as a keyed hash. */
  customerId: string;
  /** e.g. 'Customer.deviceInsights' or 'Mutation.eraseCustomerSignals'. */
  field: string;
  evidenceId?: string;
}

export interface AccessLogView {
  at: Date;
  subject: string;
  clientName: string | null;
  clientVersion: string | null;
  operationName: string | null;
  field: string;
  evidenceId: string | null;
}

export type LedgerHealth = 'up' | 'down';

export interface EvidenceLedger {
  /**
   * Committed before it resolves; concurrent appends may share one transaction (group commit). Rejects
   * with EvidenceUnavailableError when the database is down or EVIDENCE_WRITE_TIMEOUT_MS passes.
   */
  append(draft: EvidenceDraft): Promise<AppendResult>;
  /** One view per id in order; null for unknown ids. Rejects EvidenceUnavailableError when down. */
  read(ids: readonly string[]): Promise<(EvidenceRecordView | null)[]>;
  /**
   * Destroys every data key of the customer (bodies unreadable for good, chain still verifiable) and
   * records the erasure instant (later appends with fetchStartedAt before it are refused). Returns how
   * many evidence records became unreadable.
   */
  eraseCustomer(customerId: string): Promise<{ evidenceRecords: number; erasedAt: Date }>;
  /**
   * Batched (ACCESS_LOG_FLUSH_INTERVAL_MS / ACCESS_LOG_BATCH_MAX); never throws, never blocks; bounded
   * queue (ACCESS_LOG_QUEUE_MAX): an overflow or failed flush is counted (events), never silent; failed
   * batches are retried while they fit in the queue.
   */
  recordAccess(entry: AccessEntry): void;
  /** Newest first, at most ACCESS_LOG_READ_MAX rows. */
  readAccessLog(customerId: string, since?: Date): Promise<AccessLogView[]>;
  health(): LedgerHealth;
  /**
   * Deletes records and access rows older than EVIDENCE_RETENTION_DAYS, moving the chain's anchor so it
   * still verifies. Also runs every EVIDENCE_SWEEP_INTERVAL_MS.
   */
  sweep(now?: Date): Promise<{ evidenceRecords: number; accessEntries: number }>;
  /** Flushes the access-log queue (bounded wait), stops timers, closes the pool / embedded database. */
  close(): Promise<void>;
}

/** The ledger cannot take or answer a call now (database down, write timeout). Carries no customer data. */
export class EvidenceUnavailableError extends Error {
  constructor(message = 'evidence ledger unavailable') {
    super(message);
    this.name = 'EvidenceUnavailableError';
  }
}

/** Most rows readAccessLog returns. */
export const ACCESS_LOG_READ_MAX = 1000;
