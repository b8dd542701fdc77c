import { VendorError, type VendorErrorCode, type VendorName } from '../../errors';
import { DeadlineExceededError } from './deadline';

/**
 * The one place where HTTP statuses and transport failures become our error codes. Vendor folders may
 * refine a status first (Credolab's 404 is data, not an error), but whatever they do not claim lands here.
 */
export function errorForStatus(vendor: VendorName, status: number, retryAfterMs?: number): VendorError {
  const [code, problem] = codeForStatus(status);
  // The vendor's own Retry-After, in whole seconds, tells the client when asking again may help.
  const extensions = retryAfterMs !== undefined ? { retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1_000)) } : undefined;
  return new VendorError(vendor, code, `${problem} (HTTP ${status})`, status, { extensions });
}

function codeForStatus(status: number): [VendorErrorCode, string] {
  if (status === 401 || status === 403) return ['VENDOR_UNAUTHORIZED', 'credentials or network access rejected'];
  if (status === 429) return ['VENDOR_RATE_LIMITED', 'rate limit exceeded'];
  if (status === 408) return ['VENDOR_TIMEOUT', 'vendor timed out the request'];
  if (status >= 500) return ['VENDOR_UNAVAILABLE', 'service unavailable'];
  if (status >= 400) return ['VENDOR_BAD_REQUEST', 'request rejected'];
  return ['VENDOR_BAD_RESPONSE', 'unexpected response status'];
}

/** Transport-level failures (no HTTP status): timeouts and connection errors. */
export function errorForTransportFailure(vendor: VendorName, cause: unknown, kind: 'deadline' | 'timeout' | 'other'): VendorError {
  if (kind === 'deadline' || cause instanceof DeadlineExceededError) {
    return new VendorError(vendor, 'VENDOR_TIMEOUT', 'no answer within the operation deadline');
  }
  if (kind === 'timeout' || isTimeoutCode(errorCode(cause))) {
    return new VendorError(vendor, 'VENDOR_TIMEOUT', 'request timed out');
  }
  return new VendorError(vendor, 'VENDOR_UNAVAILABLE', 'connection failed');
}

/** A response we cannot use: unparseable, oversized, wrong shape, or about someone else. */
export function badResponse(vendor: VendorName, problem: string, status?: number): VendorError {
  return new VendorError(vendor, 'VENDOR_BAD_RESPONSE', problem, status);
}

function errorCode(cause: unknown): string | undefined {
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
}

function isTimeoutCode(code: string | undefined): boolean {
  return (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT'
  );
}
