import { z } from 'zod';
import { lenient, listOf, objectOrAbsent, wireId } from '../wire-schema';

/** NeuroID Analytics API v4.1 JSON as sent, as zod schemas. Never imported outside this folder: mappers turn it into our types. */

/** `status` of a 200 answer; any other is an answer we cannot read. */
export const neuroidProfileStatus = z.enum(['SUCCESS', 'SITE_NOT_CONFIGURED', 'NOT_ENOUGH_INTERACTION_DATA']);

/** Signals without a string `model` are dropped: they are looked up by model. */
const neuroidSignal = z.object({
  model: z.string(),
  /** e.g. genuine, risky, high, false, or "insufficient data". */
  label: lenient(z.string()),
  /** Null when the model had too little data. */
  score: lenient(z.number()),
  /** Any JSON, handed on as sent. */
  attributes: z.unknown().optional(),
});

/**
 * `id` and `siteId`, when present, must be ids: the mapper checks they are the profile and site asked
 * about. Other keys read as absent when missing or mistyped.
 */
const neuroidProfile = {
  id: wireId.optional(),
  siteId: wireId.optional(),
  funnel: lenient(z.string()),
  clientId: lenient(z.string()),
  /** No fixed order or length: look signals up by model. */
  signals: listOf(neuroidSignal),
  interactionAttributes: z.unknown().optional(),
};

/** A 200 answer. `message` and `moreInfo` are vendor text we never read. */
export const neuroidProfileResponse = z.object({
  status: neuroidProfileStatus,
  profile: objectOrAbsent(neuroidProfile),
});
export type NeuroidProfileResponse = z.output<typeof neuroidProfileResponse>;

/** Error statuses NeuroID documents; only these are ever named in our messages. */
export const neuroidErrorStatus = z.enum([
  'BAD_REQUEST',
  'MISSING_REQUIRED_QUERY_PARAMETER',
  'MISSING_API_KEY',
  'UNAUTHORIZED_ACCESS',
  'UNAUTHORIZED_API_KEY',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'PROFILE_NOT_FOUND',
  'NOT_ACCEPTABLE',
  'UNKNOWN_ERROR',
]);

/**
 * Every error answer: `{status, message, moreInfo}`. Read for its documented status only; a body that is
 * missing, not an object, or names an undocumented status names nothing (the HTTP status decides).
 */
export const neuroidErrorResponse = z.object({ status: lenient(neuroidErrorStatus) }).catch({});
