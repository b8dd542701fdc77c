import type { VendorName } from '../errors';
import type { CapturedExchange } from './http/exchange-capture';

/** One vendor answer to be kept as evidence, as the loader seam knows it. */
export interface EvidenceCandidate {
  vendor: VendorName;
  product: string;
  /** The customer whose signals these are (clear here; the ledger keeps it sealed and as a keyed hash). */
  customerId: string;
  /** The arguments that changed the vendor's answer. */
  arguments: Record<string, unknown>;
  /** The exchange the value was mapped from; undefined when the fetch made no accepted call. */
  exchange: CapturedExchange | undefined;
  retrievedAt: number;
  /** When the fetch began: an erasure after this instant means the answer must not be kept. */
  fetchStartedAt: number;
}

/**
 * Why an answer has no evidence id:
 * - `unavailable`: the ledger could not commit it (down, slow): the field's `evidenceId` errors with
 *   EVIDENCE_UNAVAILABLE and the answer is not stored (a stored answer must be able to name its evidence);
 * - `erased`: the customer was erased while the call was in flight: served once, never kept;
 * - `disabled`: EVIDENCE_DISABLED=true: `evidenceId` is null with no error, and storing goes on.
 */
export type EvidenceGap = 'unavailable' | 'erased' | 'disabled';

/** What the ledger said about one answer. */
export type EvidenceStamp = { evidenceId: string } | { gap: EvidenceGap };

/**
 * Where the loader seam sends every vendor answer it is about to use. `stamp` resolves only once the
 * evidence is committed (an id is never handed out before), and never rejects: a ledger failure is a gap.
 */
export interface EvidenceSink {
  stamp(candidate: EvidenceCandidate): Promise<EvidenceStamp>;
}

/** EVIDENCE_DISABLED=true (and unit tests of other things): nothing is kept, every answer is a `disabled` gap. */
export const NO_EVIDENCE: EvidenceSink = {
  stamp: () => Promise.resolve({ gap: 'disabled' }),
};

/** Whether an answer with this stamp may be stored and served again. */
export function storable(stamp: EvidenceStamp): boolean {
  return 'evidenceId' in stamp || stamp.gap === 'disabled';
}
