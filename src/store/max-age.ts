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
