import { z } from 'zod';
import type { VendorName } from '../errors';
import { badResponse } from './http/classify-failure';

/**
 * Building blocks for the zod schemas in each vendor's `*.wire.ts`, and the one way a vendor body is read
 * with them. The schemas say which keys must hold (an answer's status, the ids that tie it to the customer
 * asked about) and which are read leniently: a missing, null or mistyped key reads as absent rather than
 * failing an answer whose other keys are fine.
 */

/** A JSON object, not an array or null. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value when it has the documented type; absent (undefined or null as sent) otherwise. Missing keys
 * pass straight through `nullish`, so only a mistyped value pays for zod's issue and its `catch`: with
 * `nullable().catch(null)` every missing key of a 200-message SMS list did, several times the cost of
 * JSON.parse itself.
 */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

/**
 * A nested object when it is one, absent otherwise. Its own keys still decide whether it matches: an id
 * inside it that must hold fails the whole answer, never just this object.
 */
export function objectOrAbsent<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.preprocess((value) => (isJsonObject(value) ? value : undefined), z.object(shape).optional());
}

/** A list read entry by entry: entries that do not match are dropped; anything but a list reads as empty. */
export function listOf<T extends z.ZodType>(entry: T) {
  return z
    .array(entry.nullable().catch(null))
    .catch([])
    .transform((entries) => entries.filter((item): item is NonNullable<typeof item> => item !== null));
}

/** Text as sent; a number (an id of 1345) as its decimal text. */
export const textOrNumber = z.union([z.string(), z.number().transform(String)]);

/** An id that ties an answer to what we asked about: a string or a number, never anything else. */
export const wireId = z.union([z.string(), z.number()]).transform(String);

/**
 * Parses a vendor body with its wire schema. A body that does not match is VENDOR_BAD_RESPONSE; the
 * message names only what was read, never the body or zod's issues (they can quote vendor values).
 */
export function parseWire<T extends z.ZodType>(
  schema: T,
  body: unknown,
  vendor: VendorName,
  what: string,
  status?: number,
): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badResponse(vendor, `${what} does not have the documented shape`, status);
  return parsed.data;
}
