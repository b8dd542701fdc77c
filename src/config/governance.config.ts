import { integerVar } from './env-fields';

/** Vendor-call governance: limits checked before an operation runs. */
export const governanceEnvShape = {
  /** Most vendor calls one operation may be able to cause (fields x customers x argument sets). Default 500. */
  MAX_VENDOR_CALLS_PER_OPERATION: integerVar(500, 1, 1_000_000),
  /** Most list items one operation's response may be estimated to hold. Default 100000. */
  MAX_ESTIMATED_RESPONSE_ITEMS: integerVar(100_000, 1, 100_000_000),
};

export interface GovernanceConfig {
  maxVendorCallsPerOperation: number;
  maxEstimatedResponseItems: number;
}

export function toGovernanceConfig(e: {
  MAX_VENDOR_CALLS_PER_OPERATION: number;
  MAX_ESTIMATED_RESPONSE_ITEMS: number;
}): GovernanceConfig {
  return {
    maxVendorCallsPerOperation: e.MAX_VENDOR_CALLS_PER_OPERATION,
    maxEstimatedResponseItems: e.MAX_ESTIMATED_RESPONSE_ITEMS,
  };
}
