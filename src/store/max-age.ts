import { BadUserInputError, type VendorName } from '../errors';

/**
 * A field's `maxAge` argument (seconds) as milliseconds: undefined when omitted (the product's window),
 * 0 to ask the vendor now. Negative or fractional is BAD_USER_INPUT, before any vendor call.
 */
export function maxAgeMsOf(maxAge: number | null | undefined, field: string, vendor: VendorName): number | undefined {
  if (maxAge === null || maxAge === undefined) return undefined;
  if (!Number.isInteger(maxAge) || maxAge < 0) {
    throw new BadUserInputError(`${field}: \`maxAge\` must be a whole number of seconds, at least 0`, vendor);
  }
  return maxAge * 1000;
}

/**
 * A field's `maxStale` argument (seconds) as milliseconds: how long past its freshness window a settled
 * stored answer may be served, marked stale, when the vendor fails; undefined when omitted (never).
 * Negative or fractional is BAD_USER_INPUT, before any vendor call.
 */
export function maxStaleMsOf(maxStale: number | null | undefined, field: string, vendor: VendorName): number | undefined {
  if (maxStale === null || maxStale === undefined) return undefined;
  if (!Number.isInteger(maxStale) || maxStale < 0) {
    throw new BadUserInputError(`${field}: \`maxStale\` must be a whole number of seconds, at least 0`, vendor);
  }
  return maxStale * 1000;
}
