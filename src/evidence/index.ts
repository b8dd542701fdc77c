// Contract stub until the ledger branch lands (replaced by the ledger's own index).
export interface EvidenceDraft {
  vendor: string; product: string; customerId: string; arguments: Record<string, unknown>; body: Buffer;
  vendorRequestId?: string; retrievedAt: Date; fetchStartedAt: Date;
}
export type AppendResult = { evidenceId: string } | { refused: 'erased' };
export interface EvidenceRecordView {
  id: string; vendor: string; product: string; customerId: string | null; retrievedAt: Date; vendorRequestId: string | null;
  status: 'AVAILABLE' | 'ERASED' | 'EXPIRED'; body: unknown | null; arguments: Record<string, unknown> | null;
}
export interface AccessEntry {
  at: Date; subject: string; clientName?: string; clientVersion?: string; operationName?: string; customerId: string; field: string; evidenceId?: string;
}
export interface AccessLogView { at: Date; subject: string; clientName: string | null; clientVersion: string | null; operationName: string | null; field: string; evidenceId: string | null }
export type LedgerHealth = 'up' | 'down';
export interface EvidenceLedger {
  append(draft: EvidenceDraft): Promise<AppendResult>;
  read(ids: readonly string[]): Promise<(EvidenceRecordView | null)[]>;
  eraseCustomer(customerId: string): Promise<{ evidenceRecords: number; erasedAt: Date }>;
  recordAccess(entry: AccessEntry): void;
  readAccessLog(customerId: string, since?: Date): Promise<AccessLogView[]>;
  health(): LedgerHealth;
  sweep(now?: Date): Promise<{ evidenceRecords: number; accessEntries: number }>;
  close(): Promise<void>;
}
export class EvidenceUnavailableError extends Error {}
