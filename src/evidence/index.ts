export { openEvidenceLedger } from './evidence-ledger';
export { EvidenceEvents } from './evidence-events';
export type { AccessLogEvent, EvidenceErrorEvent, EvidenceWriteEvent } from './evidence-events';
export { EvidenceUnavailableError, ACCESS_LOG_READ_MAX } from './evidence-types';
export type {
  AccessEntry,
  AccessLogView,
  AppendResult,
  EvidenceDraft,
  EvidenceLedger,
  EvidenceRecordView,
  LedgerHealth,
} from './evidence-types';
export { verifyChain, type ChainVerdict } from './verify-chain';
