import type { EvidenceCandidate, EvidenceSink, EvidenceStamp } from '../datasources/evidence-sink';
import type { EvidenceLedger } from '../evidence';
import type { Logger } from '../logger';

/**
 * The loader seam's sink on the PostgreSQL ledger: the raw body of the exchange the value came from, sealed
 * and committed before the id is handed out. Any ledger failure is a gap, never the vendor answer's failure
 * (the ledger counts and logs its own errors: `signals_evidence_errors_total`).
 */
export class LedgerEvidenceSink implements EvidenceSink {
  private warnedNoExchange = false;

  constructor(
    private readonly ledger: Pick<EvidenceLedger, 'append'>,
    private readonly logger: Logger,
  ) {}

  async stamp(candidate: EvidenceCandidate): Promise<EvidenceStamp> {
    const { exchange } = candidate;
    if (!exchange) {
      // A fetch that produced a value without an accepted vendor answer is a bug in that vendor's code.
      if (!this.warnedNoExchange) this.logger.warn({ vendor: candidate.vendor, product: candidate.product }, 'evidence: a fetch made no accepted vendor call');
      this.warnedNoExchange = true;
      return { gap: 'unavailable' };
    }
    try {
      const appended = await this.ledger.append({
        vendor: candidate.vendor,
        product: candidate.product,
        customerId: candidate.customerId,
        arguments: candidate.arguments,
        body: Buffer.from(exchange.text, 'utf8'),
        vendorRequestId: exchange.vendorRequestId,
        retrievedAt: new Date(candidate.retrievedAt),
        fetchStartedAt: new Date(candidate.fetchStartedAt),
      });
      return 'evidenceId' in appended ? { evidenceId: appended.evidenceId } : { gap: 'erased' };
    } catch {
      return { gap: 'unavailable' };
    }
  }
}
