import { registerEnumType } from 'type-graphql';

/**
 * "No data" states are data, not errors: a client shows them as such. Vendor faults are GraphQL errors.
 * Clients rely on these names: add values, never rename them.
 */
export enum InsightStatus {
  COMPLETE = 'COMPLETE',
  IN_PROGRESS = 'IN_PROGRESS',
  NO_DATA = 'NO_DATA',
  NOT_FOUND = 'NOT_FOUND',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  REMOVED = 'REMOVED',
}

registerEnumType(InsightStatus, {
  name: 'InsightStatus',
  description: 'Where a vendor stands on a customer: only COMPLETE carries a full result.',
  valuesConfig: {
    COMPLETE: { description: 'The vendor finished and returned its result.' },
    IN_PROGRESS: { description: 'The vendor is still computing; ask again later.' },
    NO_DATA: { description: 'The vendor knows the customer but has nothing to report.' },
    NOT_FOUND: { description: 'The vendor has no record of this customer.' },
    INSUFFICIENT_DATA: { description: 'Too little data for a trustworthy result; values may be null.' },
    NOT_CONFIGURED: { description: 'Our account with the vendor is not set up for this product.' },
    REMOVED: { description: 'The vendor deleted the data under its retention policy.' },
  },
});
