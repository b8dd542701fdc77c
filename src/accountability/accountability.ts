import type { AccessEntry, AccessLogView, EvidenceRecordView } from '../evidence';

/** What one erasure did, tier by tier (the mutation's receipt). */
export interface SignalErasureReceipt {
  erasedAt: Date;
  storeEntries: number;
  evidenceRecords: number;
  replicasReached: number;
  replicasAcknowledged: number;
  routerInvalidation: 'SENT' | 'NOT_CONFIGURED' | 'FAILED';
}

/** What the audit fields read and the access log writes: the evidence ledger, as GraphQL needs it. */
export interface AuditTrail {
  read(ids: readonly string[]): Promise<(EvidenceRecordView | null)[]>;
  readAccessLog(customerId: string, since?: Date): Promise<AccessLogView[]>;
  recordAccess(entry: AccessEntry): void;
}

/** Erasing one customer's signals everywhere (src/accountability/customer-erasure.ts). */
export interface Eraser {
  erase(customerId: string, by: Pick<AccessEntry, 'subject' | 'clientName' | 'clientVersion' | 'operationName'>): Promise<SignalErasureReceipt>;
}

/** The process's accountability services, handed to every operation's context. */
export interface Accountability {
  /** Undefined with EVIDENCE_DISABLED=true: the audit fields then answer EVIDENCE_UNAVAILABLE. */
  audit: AuditTrail | undefined;
  erasure: Eraser;
  /** Most ids one `signalEvidence` reads (EVIDENCE_READ_MAX_IDS). */
  readMaxIds: number;
}
