import { VendorError } from '../../errors';
import type { CredolabFraudCheckRecord } from '../../types/credolab/credolab-fraud-check.type';
import type { CredolabIpDetails } from '../../types/credolab/credolab-ip-details.type';
import { CredolabPlatform } from '../../types/credolab/credolab-platform.type';
import type { CredolabScoreRecord } from '../../types/credolab/credolab-score.type';
import { InsightStatus } from '../../types/insight-status.type';
import { badResponse, errorForStatus } from '../http/classify-failure';
import { parseWire } from '../wire-schema';
import {
  FRAUD_CHECK_PROBLEM_TITLES,
  INSIGHT_PROBLEM_TITLES,
  LOGIN_REJECTION_TITLES,
  credolabDatasetInsight,
  credolabFraudCheckResponse,
  credolabProblem,
  credolabTokenResponse,
  type CredolabFraudCheckRequest,
  type CredolabIpInfo,
  type CredolabSource,
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
  const wire = parseWire(credolabTokenResponse, body, 'CREDOLAB', 'login answer');
  const issued = parseCredolabTime(wire['.issued'])?.getTime();
  const expires = parseCredolabTime(wire['.expires'])?.getTime();
  let lifetimeMs = DOCUMENTED_TOKEN_LIFETIME_MS;
  if (expires !== undefined && issued !== undefined && expires > issued) lifetimeMs = expires - issued;
  else if (expires !== undefined && issued === undefined && expires > receivedAt) lifetimeMs = expires - receivedAt;
  return {
    accessToken: wire.access_token,
    refreshToken: wire.refresh_token ?? null,
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
  if (isDocumented(title, LOGIN_REJECTION_TITLES)) {
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
  const wire = parseWire(credolabDatasetInsight, body, 'CREDOLAB', 'dataset insight', 200);
  const info = wire.datasetInfo;
  // Handing one customer's score to another is the worst thing this service could do.
  if (info?.referenceNumber !== undefined && info.referenceNumber !== referenceNumber) {
    throw badResponse('CREDOLAB', 'dataset insight is about a different dataset', 200);
  }
  const scores = wire.scores.map((entry) => ({ code: entry.code, value: entry.value ?? null, probability: entry.probability ?? null }));
  // The value is handed on untouched: its shape is the vendor's (and differs between iOS and Android).
  const fragments = wire.fragments.map((entry) => ({ code: entry.code, value: entry.value ?? null }));
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

const PLATFORM_OF: Record<CredolabSource, CredolabPlatform> = {
  0: CredolabPlatform.ANDROID,
  1: CredolabPlatform.IOS,
  2: CredolabPlatform.WEB,
};

/** `datasetInfo.source`: 0 Android, 1 iOS, 2 Web; anything else is unknown (null), not a failure. */
function platformFor(source: CredolabSource | null | undefined): CredolabPlatform | null {
  return source === null || source === undefined ? null : PLATFORM_OF[source];
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
  const wire = parseWire(credolabFraudCheckResponse, body, 'CREDOLAB', 'fraud check answer', 200);
  const value = wire.value;
  const details = value?.details;
  const device = details?.device;
  const ruleResults = details?.ruleResults;
  const blackbox = device?.blackboxMetadata;
  return {
    status: InsightStatus.COMPLETE,
    accountCode: wire.accountCode ?? value?.accountCode ?? null,
    rulesetId: wire.rulesetId ?? null,
    requestedAt: parseCredolabTime(wire.requestedDate),
    resultId: value?.id ?? null,
    result: value?.result ?? null,
    reason: value?.reason ?? null,
    trackingNumber: value?.trackingNumber ?? null,
    score: ruleResults?.score ?? null,
    rulesMatched: ruleResults?.rulesMatched ?? null,
    rules: (ruleResults?.rules ?? []).map((rule) => ({ type: rule.type ?? null, reason: rule.reason ?? null, score: rule.score ?? null })),
    device: device
      ? {
          alias: device.alias ?? null,
          firstSeen: parseCredolabTime(device.firstSeen),
          isNew: device.isNew ?? null,
          os: device.os ?? null,
          type: device.type ?? null,
          blackboxAge: blackbox?.age ?? null,
          blackboxTimestamp: parseCredolabTime(blackbox?.timeStamp),
          mobile: device.mobile ?? null,
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

/** The IP details, or only the address the check was stated with, or null when there is neither. */
function ipDetails(wire: CredolabIpInfo | undefined, fallbackAddress: string | null | undefined): CredolabIpDetails | null {
  if (!wire && typeof fallbackAddress !== 'string') return null;
  const location = wire?.ipLocation;
  return {
    address: wire?.address ?? fallbackAddress ?? null,
    isp: wire?.isp ?? null,
    parentOrganization: wire?.parentOrganization ?? null,
    source: wire?.source ?? null,
    city: location?.city ?? null,
    region: location?.region ?? null,
    country: location?.country ?? null,
    countryCode: location?.countryCode ?? null,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
  };
}

/** The problem+json `title`, when the body is one. */
export function problemTitle(body: unknown): string | undefined {
  return credolabProblem.parse(body).title ?? undefined;
}

function isDocumented(title: string | undefined, documented: readonly string[]): title is string {
  return title !== undefined && documented.includes(title);
}

/**
 * A problem we do not turn into data. Only documented titles are named in the message: a title is
 * vendor text, and an undocumented one (e.g. a validation summary) could quote what we sent.
 */
function rejection(status: number, title: string | undefined, documented: readonly string[], what: string): VendorError {
  const { code } = errorForStatus('CREDOLAB', status);
  const named = isDocumented(title, documented) ? ` (${title})` : '';
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
