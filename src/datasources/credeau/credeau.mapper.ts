import { badResponse } from '../http/classify-failure';
import { parseWire } from '../wire-schema';
import { FeatureSet } from '../../types/feature-set';
import { InsightStatus } from '../../types/insight-status.type';
import type { DeviceInsightsRecord } from '../../types/credeau/device-insights.type';
import { CREDEAU_METADATA_KEYS, credeauInsightsResponse, type CredeauMessage } from './credeau.wire';

const METADATA = new Set<string>(CREDEAU_METADATA_KEYS);

const STATUS_OF: Record<CredeauMessage, InsightStatus> = {
  'featurization completed': InsightStatus.COMPLETE,
  'featurization in progress': InsightStatus.IN_PROGRESS,
  'user not found': InsightStatus.NOT_FOUND,
};

/**
 * Wire -> DeviceInsightsRecord. Refuses a body about another user id: handing one customer's features
 * to another is the worst thing this service could do, so a vendor mix-up is a VENDOR_BAD_RESPONSE.
 */
export function toDeviceInsights(body: unknown, expectedUserId: string, timestampOffset: string): DeviceInsightsRecord {
  const { metadata, features } = parseWire(credeauInsightsResponse, body, 'CREDEAU', 'insights response');
  if (metadata.user_id !== undefined && metadata.user_id !== expectedUserId) {
    throw badResponse('CREDEAU', 'insights response is about a different user');
  }
  const status = STATUS_OF[metadata.message];
  return {
    status,
    requestId: metadata.request_id ?? null,
    requestedAt: parseCredeauTime(metadata.data_requested_time, timestampOffset),
    processedAt: parseCredeauTime(metadata.data_processed_time, timestampOffset),
    // Kept columns: featureCount's walk of the ~3000 keys is the one the store's compaction reuses.
    features: status === InsightStatus.COMPLETE ? new FeatureSet(features, METADATA, true) : FeatureSet.empty(),
  };
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
