import { FeatureSet } from '../../types/feature-set';
import type { FinboxPredictorsRecord } from '../../types/finbox/finbox-predictors.type';
import { InsightStatus } from '../../types/insight-status.type';
import { badResponse } from '../http/classify-failure';
import { parseWire } from '../wire-schema';
import { finboxPredictorList, finboxPredictorsResponse, type FinboxStatus } from './finbox.wire';

/**
 * Wire -> FinboxPredictorsRecord, for a 200 or 202 answer (the HTTP layer turned every other status
 * into a coded error already). A body naming another customer is refused: handing one customer's
 * predictors to another is worse than answering nothing.
 */
export function toFinboxPredictors(
  body: unknown,
  httpStatus: number,
  expected: { customerId: string; version: number },
  timestampOffset: string,
): FinboxPredictorsRecord {
  const wire = parseWire(finboxPredictorsResponse, body, 'FINBOX', 'predictors response', httpStatus);
  if (wire.customer_id !== undefined && wire.customer_id !== null && wire.customer_id !== expected.customerId) {
    throw badResponse('FINBOX', 'predictors response is about a different customer', httpStatus);
  }
  const status = httpStatus === 202 ? InsightStatus.IN_PROGRESS : statusFor(wire.status, httpStatus);
  return {
    status,
    requestId: wire.request_id ?? null,
    requestedAt: parseFinboxTime(wire.date_requested, timestampOffset),
    processedAt: parseFinboxTime(wire.date_processed, timestampOffset),
    version: expected.version,
    predictors: status === InsightStatus.COMPLETE ? predictorsOf(wire.data, httpStatus) : FeatureSet.empty(),
  };
}

function statusFor(status: FinboxStatus | null | undefined, httpStatus: number): InsightStatus {
  switch (status) {
    case 'complete':
      return InsightStatus.COMPLETE;
    case 'no_data':
      return InsightStatus.NO_DATA;
    case 'not_found':
      return InsightStatus.NOT_FOUND;
    case 'in_progress':
      return InsightStatus.IN_PROGRESS;
    default:
      throw badResponse('FINBOX', 'predictors response has an unknown status', httpStatus);
  }
}

/**
 * `data: [{name, value}, ...]` keyed by name, in FinBox's order. Entries without a string name are
 * skipped (there is nothing to look them up by); a missing list is an empty set, not a failure.
 */
function predictorsOf(data: unknown, httpStatus: number): FeatureSet {
  const list = parseWire(finboxPredictorList, data, 'FINBOX', 'predictors response data', httpStatus);
  // A prototype-less object: a predictor named "__proto__" or "constructor" is just a name.
  const byName: Record<string, unknown> = Object.create(null);
  for (const entry of list ?? []) {
    if (entry) byName[entry.name] = entry.value ?? null;
  }
  return new FeatureSet(byName);
}

/**
 * FinBox's `2019-01-03T06:37:44:003` (milliseconds after a colon, no zone) in the configured offset
 * (UTC by default) -> Date. ISO strings (`.003`, `Z`, `+05:30`) pass too. Unreadable -> null, rather
 * than failing a result whose predictors are fine.
 */
export function parseFinboxTime(value: unknown, offset: string): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:(:|\.)(\d{1,3}))?(Z|[+-]\d{2}:\d{2})?$/.exec(value.trim());
  if (!match) return null;
  // After a colon FinBox sends a count of milliseconds (`:3` is 3 ms); after a dot it is an ISO fraction (`.3` is 300 ms).
  const digits = match[4] ?? '0';
  const millis = match[3] === ':' ? digits.padStart(3, '0') : digits.padEnd(3, '0');
  const date = new Date(`${match[1]}T${match[2]}.${millis}${match[5] ?? offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
