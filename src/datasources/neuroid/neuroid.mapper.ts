import { VendorError } from '../../errors';
import type { BehaviorSignalsRecord } from '../../types/neuroid/behavior-signals.type';
import { InsightStatus } from '../../types/insight-status.type';
import { badResponse, errorForStatus } from '../http/classify-failure';
import { parseWire } from '../wire-schema';
import { neuroidErrorResponse, neuroidProfileResponse, type NeuroidProfileResponse } from './neuroid.wire';

/**
 * NeuroID answer -> BehaviorSignalsRecord. SUCCESS is COMPLETE; NOT_ENOUGH_INTERACTION_DATA keeps the
 * signals (their null scores stay null) as INSUFFICIENT_DATA; SITE_NOT_CONFIGURED is NOT_CONFIGURED with
 * no signals (NeuroID computed nothing for the site); 404 PROFILE_NOT_FOUND is NOT_FOUND. Every other
 * answer is a VendorError: 401/403 VENDOR_UNAUTHORIZED, 400/406 (and a 404 about the path) VENDOR_BAD_REQUEST.
 */
export function toBehaviorSignals(status: number, body: unknown, profileId: string, siteId: string): BehaviorSignalsRecord {
  if (status !== 200) {
    if (status === 404 && neuroidErrorResponse.parse(body).status === 'PROFILE_NOT_FOUND') {
      return emptyRecord(InsightStatus.NOT_FOUND, profileId, siteId);
    }
    throw neuroidError(status, body);
  }
  const wire = parseWire(neuroidProfileResponse, body, 'NEUROID', 'profile answer', 200);
  switch (wire.status) {
    case 'SUCCESS':
      return profileRecord(wire, InsightStatus.COMPLETE, profileId, siteId);
    case 'NOT_ENOUGH_INTERACTION_DATA':
      return profileRecord(wire, InsightStatus.INSUFFICIENT_DATA, profileId, siteId);
    case 'SITE_NOT_CONFIGURED':
      return { ...profileRecord(wire, InsightStatus.NOT_CONFIGURED, profileId, siteId, false), signals: [] };
  }
}

function profileRecord(
  wire: NeuroidProfileResponse,
  status: InsightStatus,
  profileId: string,
  siteId: string,
  profileRequired = true,
): BehaviorSignalsRecord {
  const profile = wire.profile;
  if (!profile) {
    if (profileRequired) throw badResponse('NEUROID', 'profile answer has no profile', 200);
    return emptyRecord(status, profileId, siteId);
  }
  // Handing one customer's signals to another is the worst thing this service could do.
  if ((profile.id !== undefined && profile.id !== profileId) || (profile.siteId !== undefined && profile.siteId !== siteId)) {
    throw badResponse('NEUROID', 'profile answer is about a different profile or site', 200);
  }
  return {
    status,
    profileId,
    siteId,
    funnel: profile.funnel ?? null,
    clientId: profile.clientId ?? null,
    signals: profile.signals.map((signal) => ({
      model: signal.model,
      label: signal.label ?? null,
      score: signal.score ?? null,
      attributes: signal.attributes ?? null,
    })),
    interactionAttributes: profile.interactionAttributes ?? null,
  };
}

function emptyRecord(status: InsightStatus, profileId: string, siteId: string): BehaviorSignalsRecord {
  return { status, profileId, siteId, funnel: null, clientId: null, signals: [], interactionAttributes: null };
}

/** Our code from the HTTP status; the message names NeuroID's documented status, never its text. */
export function neuroidError(status: number, body: unknown): VendorError {
  const { code } = errorForStatus('NEUROID', status);
  const vendorStatus = neuroidErrorResponse.parse(body).status;
  const named = vendorStatus ? ` (${vendorStatus})` : '';
  const problem = code === 'VENDOR_UNAUTHORIZED' ? 'API key or site access rejected' : 'request rejected';
  return new VendorError('NEUROID', code, `${problem}${named} (HTTP ${status})`, status);
}
