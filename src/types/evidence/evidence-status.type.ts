import { registerEnumType } from 'type-graphql';

/** Whether an evidence record's body can still be read. Clients rely on these names: add, never rename. */
export enum EvidenceStatus {
  AVAILABLE = 'AVAILABLE',
  ERASED = 'ERASED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(EvidenceStatus, {
  name: 'EvidenceStatus',
  description: 'Whether the vendor answer kept as evidence can still be read.',
  valuesConfig: {
    AVAILABLE: { description: 'The vendor body as received can be read.' },
    ERASED: { description: "The customer's signals were erased: the body and the customer id are gone for good." },
    EXPIRED: { description: 'Older than EVIDENCE_RETENTION_DAYS: no longer served, swept soon.' },
  },
});
