import { CallCounter, matchScenario, stableHash, type SimulatorRequest, type SimulatorResponse } from '../simulator-server';
import type { CredeauRoute } from './credeau-route';
import { smsRecordsFor, sparseSmsRecordsFor } from './credeau-sms.records';

/** Credeau's SMS extraction endpoint; CredeauSimulator checks auth and client_id before this route runs. */
export const EXTRACTED_SMS_PATH = '/api/fetch_extracted_data';

/**
 * Scenario user ids for `/api/fetch_extracted_data` (each may take a `-suffix` for a fresh counter):
 * - `sim-sms-<N>`: exactly N messages (e.g. `sim-sms-1200`), or fewer when `cnt_sms_threshold` is lower
 * - `sim-sms-empty`: `{"extracted_sms_data": []}` (the SDK has not synced)
 * - `sim-sms-sparse`: 12 messages with keys missing or mistyped (one is `{}`)
 * - `sim-sms-no-list`: 200 `{}` with no `extracted_sms_data` at all
 * - `sim-sms-rate-limited-once`: 429 on the first call, then normal
 * - `sim-sms-unavailable`: always 500
 * - `sim-sms-forbidden`: 403 HTML page (as for an IP not allow-listed)
 * - `sim-sms-unprocessable`: 422 FastAPI-style body
 * - `sim-sms-malformed`: 200 with a body that is not JSON
 * - `sim-sms-other-user`: 200 with messages about another user id (a vendor mix-up)
 * Any other id: 40-199 deterministic messages (fewer when `cnt_sms_threshold` is lower).
 */
export const CREDEAU_SMS_SCENARIOS = [
  'sms-empty',
  'sms-sparse',
  'sms-no-list',
  'sms-rate-limited-once',
  'sms-unavailable',
  'sms-forbidden',
  'sms-unprocessable',
  'sms-malformed',
  'sms-other-user',
] as const;

/** Keeps a mistyped `sim-sms-99999999` from making the simulator build millions of records. */
const MAX_SIMULATED_SMS = 20_000;

export function createExtractedSmsRoute(): CredeauRoute {
  const counter = new CallCounter();
  return (request: SimulatorRequest, userId: string): SimulatorResponse => {
    const body = request.body as Record<string, unknown>;
    if (body.user_id === undefined) return unprocessable('user_id', body);
    const threshold = body.cnt_sms_threshold;
    if (threshold !== undefined && !(Number.isInteger(threshold) && (threshold as number) >= 0)) {
      return { status: 422, json: { detail: [{ type: 'int_parsing', loc: ['body', 'cnt_sms_threshold'], msg: 'Input should be a valid integer', input: threshold }] } };
    }
    const limit = (count: number) => Math.min(count, threshold === undefined ? count : (threshold as number));
    const clientId = String(body.client_id);
    const seen = counter.next(userId);
    const listOf = (count: number) => ({ status: 200, json: { extracted_sms_data: smsRecordsFor(userId, clientId, limit(count)) } });

    const sized = /^sim-sms-(\d+)(?:-|$)/.exec(userId);
    if (sized) return listOf(Math.min(Number(sized[1]), MAX_SIMULATED_SMS));
    switch (matchScenario(userId, CREDEAU_SMS_SCENARIOS)) {
      case 'sms-empty':
        return { status: 200, json: { extracted_sms_data: [] } };
      case 'sms-sparse':
        return { status: 200, json: { extracted_sms_data: sparseSmsRecordsFor(userId, clientId).slice(0, limit(12)) } };
      case 'sms-no-list':
        return { status: 200, json: {} };
      case 'sms-rate-limited-once':
        return seen === 0 ? { status: 429, json: { error: 'Too Many Requests' } } : listOf(defaultCount(userId));
      case 'sms-unavailable':
        return { status: 500, json: { error: 'Internal Server Error' } };
      case 'sms-forbidden':
        return {
          status: 403,
          contentType: 'text/html',
          text: '<html>\n    <head><title>403 Forbidden</title></head>\n    <body>\n        <center><h1>403 Forbidden</h1></center>\n    </body>\n</html>',
        };
      case 'sms-unprocessable':
        return unprocessable('user_id', body);
      case 'sms-malformed':
        return { status: 200, text: '{"extracted_sms_data": [{"_id": "68d64205e4a336675ab707c6", "sms_body": "dear upi user a/c x30' };
      case 'sms-other-user':
        return { status: 200, json: { extracted_sms_data: smsRecordsFor(`${userId}-someone-else`, clientId, limit(5)) } };
      default:
        return listOf(defaultCount(userId));
    }
  };
}

function defaultCount(userId: string): number {
  return 40 + (stableHash(`${userId}/sms-count`) % 160);
}

function unprocessable(field: string, input: Record<string, unknown>): SimulatorResponse {
  return { status: 422, json: { detail: [{ type: 'missing', loc: ['body', field], msg: 'Field required', input }] } };
}
