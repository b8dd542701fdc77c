import { GraphQLError } from 'graphql';

/**
 * A vendor as clients see it in `extensions.vendor`, e.g. `CREDEAU`: a registered vendor's `name`. The
 * closed set is `RegisteredVendor['name']` (src/vendors/registry.ts); here it is a string, because every
 * vendor module imports this file and so this file cannot import the registry.
 */
export type VendorName = string;

/**
 * The closed set of codes this subgraph puts in `extensions.code`. Clients branch on these: add codes,
 * never rename them. Anything that is not one of these errors is masked before it leaves the server.
 */
export type VendorErrorCode =
  | 'VENDOR_UNAUTHORIZED'
  | 'VENDOR_RATE_LIMITED'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_TIMEOUT'
  | 'VENDOR_BAD_RESPONSE'
  | 'VENDOR_BAD_REQUEST';

/** Whether asking again later may succeed; clients use it to decide on a retry button. */
const RETRYABLE: Record<VendorErrorCode, boolean> = {
  VENDOR_UNAUTHORIZED: false,
  VENDOR_RATE_LIMITED: true,
  VENDOR_UNAVAILABLE: true,
  VENDOR_TIMEOUT: true,
  VENDOR_BAD_RESPONSE: false,
  VENDOR_BAD_REQUEST: false,
};

/**
 * A vendor fault. The message is written by us and names only the vendor and the problem: never a
 * vendor body, a credential or a customer's personal data (those stay out of logs and responses).
 */
export class VendorError extends GraphQLError {
  readonly code: VendorErrorCode;
  readonly vendor: VendorName;
  /** HTTP status the vendor answered, when there was one; logged, never sent to clients. */
  readonly httpStatus: number | undefined;
  /**
   * True when the call was stopped before anything was sent (over the rate budget, circuit open): the
   * HTTP client neither retries it nor counts it as an attempt.
   */
  readonly refusedBeforeSending: boolean;

  constructor(
    vendor: VendorName,
    code: VendorErrorCode,
    problem: string,
    httpStatus?: number,
    options: { refusedBeforeSending?: boolean; extensions?: Record<string, unknown> } = {},
  ) {
    super(`${vendorLabel(vendor)}: ${problem}`, {
      extensions: { code, vendor, retryable: RETRYABLE[code], ...options.extensions },
    });
    this.name = 'VendorError';
    this.code = code;
    this.vendor = vendor;
    this.httpStatus = httpStatus;
    this.refusedBeforeSending = options.refusedBeforeSending ?? false;
  }
}

/** Input we reject before calling any vendor. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, vendor?: VendorName) {
    super(message, {
      extensions: { code: 'BAD_USER_INPUT', retryable: false, ...(vendor ? { vendor } : {}) },
    });
    this.name = 'BadUserInputError';
  }
}

/** A field the caller's token has no scope for: null, and its vendor is never called. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN', retryable: false } });
    this.name = 'ForbiddenError';
  }
}

/**
 * The evidence ledger could not name the vendor answer a value came from (PostgreSQL down or slow, or the
 * customer erased while the call was in flight). Only the `evidenceId` subfield (or an audit field) is
 * null with it: the vendor data itself is served.
 */
export class EvidenceUnavailableError extends GraphQLError {
  constructor(message: string, retryable: boolean) {
    super(message, { extensions: { code: 'EVIDENCE_UNAVAILABLE', retryable } });
    this.name = 'EvidenceUnavailableError';
  }
}

/** Each defined vendor's label, by name: filled by defineVendor (src/vendors/vendor-module.ts) from its descriptor. */
const labels = new Map<VendorName, string>();

/** Makes a vendor's label known to error messages; called once per vendor descriptor. */
export function registerVendorLabel(vendor: VendorName, label: string): void {
  const known = labels.get(vendor);
  if (known !== undefined && known !== label) throw new Error(`vendor ${vendor} is labelled both "${known}" and "${label}"`);
  labels.set(vendor, label);
}

/** How messages spell a vendor (its descriptor's `label`); its name when no descriptor of it is loaded. */
export function vendorLabel(vendor: VendorName): string {
  return labels.get(vendor) ?? vendor;
}
