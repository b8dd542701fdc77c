import type { RequestContext } from '../context';
import { EvidenceUnavailableError as LedgerUnavailable, type AccessEntry } from '../evidence';
import { EvidenceUnavailableError } from '../errors';
import type { AuditTrail } from './accountability';

/** The ledger behind the audit fields; EVIDENCE_UNAVAILABLE (not retryable) when evidence is disabled. */
export function auditTrailOf(context: RequestContext): AuditTrail {
  const audit = context.accountability.audit;
  if (!audit) throw new EvidenceUnavailableError('evidence is disabled on this subgraph (EVIDENCE_DISABLED)', false);
  return audit;
}

/** A ledger outage is a coded, retryable EVIDENCE_UNAVAILABLE, never a masked internal error. */
export async function ledgerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof LedgerUnavailable) throw new EvidenceUnavailableError('the evidence ledger is unavailable; try again', true);
    throw error;
  }
}

/** Who is asking, as the access log records it: the verified JWT subject, the client, the operation. */
export function callerOf(context: RequestContext): Pick<AccessEntry, 'subject' | 'clientName' | 'clientVersion' | 'operationName'> {
  return {
    subject: context.principal?.subject ?? 'anonymous',
    clientName: context.client?.name,
    clientVersion: context.client?.version,
    operationName: context.client?.operationName,
  };
}
