import { VendorError } from '../../errors';
import type { CredolabFraudCheckRecord } from '../../types/credolab/credolab-fraud-check.type';
import type { CredolabIpDetails } from '../../types/credolab/credolab-ip-details.type';
import { CredolabPlatform } from '../../types/credolab/credolab-platform.type';
import type { CredolabScoreRecord } from '../../types/credolab/credolab-score.type';
import { InsightStatus } from '../../types/insight-status.type';
import { badResponse, errorForStatus } from '../http/classify-failure';
import {
  FRAUD_CHECK_PROBLEM_TITLES,
  INSIGHT_PROBLEM_TITLES,
  LOGIN_REJECTION_TITLES,
  type CredolabDatasetInsight,
  type CredolabFraudCheckRequest,
  type CredolabFraudCheckResponse,
  type CredolabIpInfo,
  type CredolabProblem,
  type CredolabTokenResponse,
} from './credolab.wire';

/** Credolab documents 60-minute tokens; used when a token answer carries no usable `.expires`. */
export const DOCUMENTED_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** An access token as the token manager keeps it. The strings are secrets: never logged. */
export interface CredolabToken {
  accessToken: string;
  refreshToken: string | null;
  /** Our clock (ms) at which the token lapses. */
  expiresAt: number;
  lifetimeMs: number;
}

/**
 * Login/refresh answer -> token. The lifetime is `.expires - .issued` applied to our own clock, so a
 * skew between our clock and Credolab's cannot make us use a lapsed token or refresh at every call.
 */
export function toCredolabToken(body: unknown, receivedAt: number): CredolabToken {
  const wire = asObject(body) as CredolabTokenResponse | undefined;
  if (!wire || typeof wire.access_token !== 'string' || wire.access_token === '') {
    throw badResponse('CREDOLAB', 'login answer carries no access token');
  }
  const issued = parseCredolabTime(wire['.issued'])?.getTime();
  const expires = parseCredolabTime(wire['.expires'])?.getTime();
  let lifetimeMs = DOCUMENTED_TOKEN_LIFETIME_MS;
  if (expires !== undefined && issued !== undefined && expires > issued) lifetimeMs = expires - issued;
  else if (expires !== undefined && issued === undefined && expires > receivedAt) lifetimeMs = expires - receivedAt;
  return {
    accessToken: wire.access_token,
    refreshToken: typeof wire.refresh_token === 'string' && wire.refresh_token !== '' ? wire.refresh_token : null,
    expiresAt: receivedAt + lifetimeMs,
    lifetimeMs,
  };
}

/**
 * A login answered 400/404. The four documented titles mean Credolab refused our credentials or
 * subscription: VENDOR_UNAUTHORIZED. Anything else (a validation error, a wrong path) is our request's fault.
 */
export function loginRejection(status: number, body: unknown): VendorError {
  const title = problemTitle(body);
  if (title !== undefined && (LOGIN_REJECTION_TITLES as readonly string[]).includes(title)) {
    return new VendorError('CREDOLAB', 'VENDOR_UNAUTHORIZED', `login rejected (${title})`, status);
  }
  return rejection(status, title, [], 'login');
}

/**
 * Dataset insight answer -> CredolabScoreRecord. "No such dataset", "removed by retention" and "insight
 * not configured" are states a client shows, not faults; other problems are VendorErrors.
 */
export function toCredolabScore(status: number, body: unknown, referenceNumber: string): CredolabScoreRecord {
  if (status === 200) return completedScore(body, referenceNumber);
  const title = problemTitle(body);
  if (status === 404 && title === 'reference_number_invalid') return emptyScore(InsightStatus.NOT_FOUND, referenceNumber);
  // 410 means "gone" whatever the title; Credolab documents it only for retention deletes.
  if (status === 410) return emptyScore(InsightStatus.REMOVED, referenceNumber);
  if (status === 400 && title === 'insights_is_not_configured') return emptyScore(InsightStatus.NOT_CONFIGURED, referenceNumber);
  throw rejection(status, title, INSIGHT_PROBLEM_TITLES, 'dataset insight request');
}

function completedScore(body: unknown, referenceNumber: string): CredolabScoreRecord {
  const wire = asObject(body) as CredolabDatasetInsight | undefined;
  if (!wire) throw badResponse('CREDOLAB', 'dataset insight is not a JSON object', 200);
  const info = asObject(wire.datasetInfo) as CredolabDatasetInsight['datasetInfo'];
  // Handing one customer's score to another is the worst thing this service could do.
  if (info?.referenceNumber !== undefined && String(info.referenceNumber) !== referenceNumber) {
    throw badResponse('CREDOLAB', 'dataset insight is about a different dataset', 200);
  }
  const scores = (Array.isArray(wire.scores) ? wire.scores : [])
    .map((entry) => asObject(entry) as { code?: unknown; value?: unknown; probability?: unknown } | undefined)
    .filter((entry) => typeof entry?.code === 'string')
    .map((entry) => ({ code: String(entry?.code), value: numberOrNull(entry?.value), probability: numberOrNull(entry?.probability) }));
  const fragments = (Array.isArray(wire.fragments) ? wire.fragments : [])
    .map((entry) => asObject(entry) as { code?: unknown; value?: unknown } | undefined)
    .filter((entry) => typeof entry?.code === 'string')
    // The value is handed on untouched: its shape is the vendor's (and differs between iOS and Android).
    .map((entry) => ({ code: String(entry?.code), value: entry?.value ?? null }));
  return {
    status: InsightStatus.COMPLETE,
    referenceNumber,
    platform: platformFor(info?.source),
    uploadedAt: parseCredolabTime(info?.uploadDate),
    requestedAt: parseCredolabTime(wire.requestedDate),
    scores,
    score: scores[0]?.value ?? null,
    probability: scores[0]?.probability ?? null,
    fragments,
  };
}

function emptyScore(status: InsightStatus, referenceNumber: string): CredolabScoreRecord {
  return {
    status, referenceNumber, platform: null, uploadedAt: null, requestedAt: null, scores: [], score: null, probability: null, fragments: [],
  };
}

/** `datasetInfo.source`: 0 Android, 1 iOS, 2 Web; anything else is unknown (null), not a failure. */
export function platformFor(source: unknown): CredolabPlatform | null {
  switch (source) {
    case 0:
      return CredolabPlatform.ANDROID;
    case 1:
      return CredolabPlatform.IOS;
    case 2:
      return CredolabPlatform.WEB;
    default:
      return null;
  }
}

/** Our fraud-check arguments -> Credolab's body. Absent insight fields are left out, not sent as null. */
export function toFraudCheckRequest(
  accountCode: string,
  insight: { email?: string | null; eventId?: string | null; mobilePhoneNumber?: string | null } | null | undefined,
): CredolabFraudCheckRequest {
  const transactionInsight: Record<string, string> = {};
  for (const key of ['email', 'eventId', 'mobilePhoneNumber'] as const) {
    const value = insight?.[key];
    if (typeof value === 'string') transactionInsight[key] = value;
  }
  return {
    iovationRequestParams: {
      accountCode,
      ...(Object.keys(transactionInsight).length > 0 ? { transactionInsight } : {}),
    },
  };
}

/**
 * Fraud check answer -> record. As for the insight, "the dataset is gone" is data; so are "no rulesets
 * on the subscription" (NOT_CONFIGURED) and "no iovation metadata in the dataset" (NO_DATA). An unknown
 * ruleset id is the caller's mistake: VENDOR_BAD_REQUEST.
 */
export function toFraudCheck(status: number, body: unknown): CredolabFraudCheckRecord {
  if (status !== 200) {
    const title = problemTitle(body);
    if (status === 404 && title === 'reference_number_invalid') return emptyFraudCheck(InsightStatus.NOT_FOUND);
    if (status === 410) return emptyFraudCheck(InsightStatus.REMOVED);
    if (status === 400 && title === 'missing_settings') return emptyFraudCheck(InsightStatus.NOT_CONFIGURED);
    if (status === 400 && title === 'empty_iovation_metadata') return emptyFraudCheck(InsightStatus.NO_DATA);
    throw rejection(status, title, FRAUD_CHECK_PROBLEM_TITLES, 'fraud check');
  }
  const wire = asObject(body) as CredolabFraudCheckResponse | undefined;
  if (!wire) throw badResponse('CREDOLAB', 'fraud check answer is not a JSON object', 200);
  const value = asObject(wire.value) as NonNullable<CredolabFraudCheckResponse['value']> | undefined;
  const details = asObject(value?.details) as NonNullable<NonNullable<CredolabFraudCheckResponse['value']>['details']> | undefined;
  const device = asObject(details?.device) as NonNullable<typeof details>['device'] | undefined;
  const ruleResults = asObject(details?.ruleResults) as NonNullable<typeof details>['ruleResults'] | undefined;
  const blackbox = asObject(device?.blackboxMetadata) as { age?: unknown; timeStamp?: unknown } | undefined;
  return {
    status: InsightStatus.COMPLETE,
    accountCode: stringOrNull(wire.accountCode) ?? stringOrNull(value?.accountCode),
    rulesetId: stringOrNull(wire.rulesetId),
    requestedAt: parseCredolabTime(wire.requestedDate),
    resultId: stringOrNull(value?.id),
    result: stringOrNull(value?.result),
    reason: stringOrNull(value?.reason),
    trackingNumber: textOrNull(value?.trackingNumber),
    score: numberOrNull(ruleResults?.score),
    rulesMatched: integerOrNull(ruleResults?.rulesMatched),
    rules: (Array.isArray(ruleResults?.rules) ? ruleResults.rules : [])
      .map((rule) => asObject(rule) as { type?: unknown; reason?: unknown; score?: unknown } | undefined)
      .filter((rule) => rule !== undefined)
      .map((rule) => ({ type: stringOrNull(rule?.type), reason: stringOrNull(rule?.reason), score: numberOrNull(rule?.score) })),
    device: device
      ? {
          alias: textOrNull(device.alias),
          firstSeen: parseCredolabTime(device.firstSeen),
          isNew: typeof device.isNew === 'boolean' ? device.isNew : null,
          os: stringOrNull(device.os),
          type: stringOrNull(device.type),
          blackboxAge: integerOrNull(blackbox?.age),
          blackboxTimestamp: parseCredolabTime(blackbox?.timeStamp),
          mobile: asObject(device.mobile) ?? null,
        }
      : null,
    statedIp: ipDetails(details?.statedIp, value?.statedIp),
    realIp: ipDetails(details?.realIp, undefined),
  };
}

function emptyFraudCheck(status: InsightStatus): CredolabFraudCheckRecord {
  return {
    status, accountCode: null, rulesetId: null, requestedAt: null, resultId: null, result: null, reason: null,
    trackingNumber: null, score: null, rulesMatched: null, rules: [], device: null, statedIp: null, realIp: null,
  };
}

function ipDetails(info: unknown, fallbackAddress: unknown): CredolabIpDetails | null {
  const wire = asObject(info) as CredolabIpInfo | undefined;
  if (!wire && typeof fallbackAddress !== 'string') return null;
  const location = asObject(wire?.ipLocation) as CredolabIpInfo['ipLocation'];
  return {
    address: stringOrNull(wire?.address) ?? stringOrNull(fallbackAddress),
    isp: stringOrNull(wire?.isp),
    parentOrganization: stringOrNull(wire?.parentOrganization),
    source: stringOrNull(wire?.source),
    city: stringOrNull(location?.city),
    region: stringOrNull(location?.region),
    country: stringOrNull(location?.country),
    countryCode: stringOrNull(location?.countryCode),
    latitude: numberOrNull(location?.latitude),
    longitude: numberOrNull(location?.longitude),
  };
}

/** The problem+json `title`, when the body is one. */
export function problemTitle(body: unknown): string | undefined {
  const title = (asObject(body) as CredolabProblem | undefined)?.title;
  return typeof title === 'string' ? title : undefined;
}

/**
 * A problem we do not turn into data. Only documented titles are named in the message: a title is
 * vendor text, and an undocumented one (e.g. a validation summary) could quote what we sent.
 */
function rejection(status: number, title: string | undefined, documented: readonly string[], what: string): VendorError {
  const { code } = errorForStatus('CREDOLAB', status);
  const named = title !== undefined && documented.includes(title) ? ` (${title})` : '';
  return new VendorError('CREDOLAB', code, `${what} rejected${named} (HTTP ${status})`, status);
}

/**
 * Credolab times: ISO-8601 in GMT, sometimes without a zone (`2021-08-31T06:23:14.342556`) and with up to
 * 7 fraction digits (`.9286886+03:00`). No zone means UTC; the fraction is cut to milliseconds.
 */
export function parseCredolabTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/i.exec(value.trim());
  if (!match) return null;
  const fraction = match[3] ? `.${match[3].slice(0, 3).padEnd(3, '0')}` : '';
  const date = new Date(`${match[1]}T${match[2]}${fraction}${(match[4] ?? 'Z').toUpperCase()}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Large iovation numbers (aliases, tracking numbers) are exposed as text: they exceed GraphQL's Int. */
function textOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function integerOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647 ? value : null;
}
