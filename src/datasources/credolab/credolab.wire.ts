import { z } from 'zod';
import { isJsonObject, lenient, listOf, objectOrAbsent, textOrNumber, wireId } from '../wire-schema';

/**
 * Credolab API v6.0 JSON as sent, as zod schemas. Never imported outside this folder: mappers turn it
 * into our types. Keys we never read (a token's `token_type`, the `requestor` e-mail of our own API
 * user, a problem's `detail`) are left out: parsing strips them.
 */

export const credolabLoginRequest = z.object({ userEmail: z.string(), password: z.string() });
export type CredolabLoginRequest = z.input<typeof credolabLoginRequest>;

export const credolabRefreshRequest = z.object({ refreshToken: z.string() });
export type CredolabRefreshRequest = z.input<typeof credolabRefreshRequest>;

/**
 * Answer of both login and refreshToken; without an access token it is no answer. Times are ISO-8601,
 * e.g. `2018-04-08T11:01:41.9286886+03:00`; an empty refresh token reads as none.
 */
export const credolabTokenResponse = z.object({
  access_token: z.string().min(1),
  '.issued': lenient(z.string()),
  '.expires': lenient(z.string()),
  refresh_token: lenient(z.string().min(1)),
});

/**
 * RFC 7807 problem+json, read for its `title` only (validation failures carry `errors` instead of a
 * code title). Never fails: a body that is missing or not a problem has no title.
 */
export const credolabProblem = z.object({ title: lenient(z.string()) }).catch({});

/** Problem titles Credolab documents, per action. Only these are ever named in our messages. */
export const LOGIN_REJECTION_TITLES = [
  'password_invalid',
  'user_email_invalid',
  'subscription_suspended',
  'profile_inactive',
] as const;

export const INSIGHT_PROBLEM_TITLES = ['reference_number_invalid', 'insights_is_not_configured', 'dataset_removed'] as const;

export const FRAUD_CHECK_PROBLEM_TITLES = [
  'ruleset_id_invalid',
  'missing_settings',
  'empty_iovation_metadata',
  'reference_number_invalid',
  'dataset_removed',
] as const;

/** `datasetInfo.source`: 0 Android, 1 iOS, 2 Web; any other value reads as unknown. */
export const credolabSource = z.literal([0, 1, 2]);
export type CredolabSource = z.output<typeof credolabSource>;

/**
 * A dataset insight. `datasetInfo.referenceNumber`, when present, must be an id (the mapper checks it
 * is the dataset asked about); every other key reads as absent when missing or mistyped, and scores or
 * fragments without a string code are dropped.
 */
export const credolabDatasetInsight = z.object({
  datasetInfo: objectOrAbsent({
    referenceNumber: wireId.optional(),
    /** GMT, often without a zone: `2021-08-31T06:23:14.342556`. */
    uploadDate: lenient(z.string()),
    source: lenient(credolabSource),
  }),
  requestedDate: lenient(z.string()),
  scores: listOf(z.object({ code: z.string(), value: lenient(z.number()), probability: lenient(z.number()) })),
  /** `value` is any JSON: the iOS sample sends `velocity` as an array where Android sends an object. */
  fragments: listOf(z.object({ code: z.string(), value: z.unknown().optional() })),
});

export const credolabFraudCheckRequest = z.object({
  iovationRequestParams: z.object({
    accountCode: z.string(),
    transactionInsight: z
      .object({ email: z.string().optional(), eventId: z.string().optional(), mobilePhoneNumber: z.string().optional() })
      .optional(),
  }),
});
export type CredolabFraudCheckRequest = z.input<typeof credolabFraudCheckRequest>;

const text = lenient(z.string());
const number = lenient(z.number());
/** GraphQL's Int: a larger number reads as absent rather than failing the field. */
const int = lenient(z.number().int().min(-2_147_483_647).max(2_147_483_647));

const credolabIpInfo = objectOrAbsent({
  address: text,
  isp: text,
  parentOrganization: text,
  source: text,
  ipLocation: objectOrAbsent({ city: text, country: text, countryCode: text, region: text, latitude: number, longitude: number }),
});
export type CredolabIpInfo = NonNullable<z.output<typeof credolabIpInfo>>;

/**
 * A fraud check answer. Only its being an object is required: every key reads as absent when missing
 * or mistyped, a nested object that is not one as absent, a rule that is not an object is dropped.
 * Large iovation numbers (aliases, tracking numbers) are read as text: they exceed GraphQL's Int.
 */
export const credolabFraudCheckResponse = z.object({
  accountCode: text,
  requestedDate: text,
  rulesetId: text,
  value: objectOrAbsent({
    id: text,
    result: text,
    reason: text,
    statedIp: text,
    accountCode: text,
    trackingNumber: lenient(textOrNumber),
    details: objectOrAbsent({
      device: objectOrAbsent({
        alias: lenient(textOrNumber),
        blackboxMetadata: objectOrAbsent({ age: int, timeStamp: text }),
        firstSeen: text,
        isNew: lenient(z.boolean()),
        /** Any JSON object, handed on as sent. */
        mobile: lenient(z.custom<Record<string, unknown>>(isJsonObject)),
        os: text,
        type: text,
      }),
      statedIp: credolabIpInfo,
      realIp: credolabIpInfo,
      ruleResults: objectOrAbsent({
        score: number,
        rulesMatched: int,
        rules: listOf(z.object({ type: text, reason: text, score: number })),
      }),
    }),
  }),
});
