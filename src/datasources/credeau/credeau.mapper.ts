import { badResponse } from '../http/classify-failure';
import { FeatureSet } from '../../types/feature-set';
import { InsightStatus } from '../../types/insight-status.type';
import type { DeviceInsightsRecord } from '../../types/credeau/device-insights.type';
import { CREDEAU_METADATA_KEYS, type CredeauInsightsResponse } from './credeau.wire';

const METADATA = new Set<string>(CREDEAU_METADATA_KEYS);

/**
 * Wire -> DeviceInsightsRecord. Refuses a body about another user id: handing one customer's features
 * to another is the worst thing this service could do, so a vendor mix-up is a VENDOR_BAD_RESPONSE.
 */
export function toDeviceInsights(body: unknown, expectedUserId: string, timestampOffset: string): DeviceInsightsRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badResponse('CREDEAU', 'insights response is not a JSON object');
  }
  const wire = body as CredeauInsightsResponse;
  if (wire.user_id !== undefined && String(wire.user_id) !== expectedUserId) {
    throw badResponse('CREDEAU', 'insights response is about a different user');
  }
  const status = statusFor(wire.message);
  return {
    status,
    requestId: typeof wire.request_id === 'string' ? wire.request_id : null,
    requestedAt: parseCredeauTime(wire.data_requested_time, timestampOffset),
    processedAt: parseCredeauTime(wire.data_processed_time, timestampOffset),
    features: status === InsightStatus.COMPLETE ? new FeatureSet(wire, METADATA) : FeatureSet.empty(),
  };
}

function statusFor(message: unknown): InsightStatus {
  switch (message) {
    case 'featurization completed':
      return InsightStatus.COMPLETE;
    case 'featurization in progress':
      return InsightStatus.IN_PROGRESS;
    case 'user not found':
      return InsightStatus.NOT_FOUND;
    default:
      throw badResponse('CREDEAU', 'insights response has an unknown status message');
  }
}

/**
 * `2025-06-04 08:47:47` in the configured offset (UTC by default) -> Date. ISO strings pass too.
 * An unreadable timestamp becomes null rather than failing the whole result.
 */
export function parseCredeauTime(value: unknown, offset: string): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
