import { BadUserInputError } from '../../errors';
import type { ExtractedSmsConnection } from '../../types/credeau/extracted-sms-connection.type';
import type { ExtractedSms } from '../../types/credeau/extracted-sms.type';
import type { SmsFilter } from '../../types/credeau/sms-filter.type';

/**
 * Relay paging over one customer's extracted SMS, done here because Credeau returns the whole list in
 * one response. Pure: no I/O, no logging. The datasource validates the page request with
 * `parseSmsPageRequest` before it calls Credeau, then cuts the page from the full list with `pageOfSms`.
 */

/**
 * Where a page resumes: the message's position in Credeau's list and its Credeau `_id`. The position
 * keeps a cursor meaningful under any filter (it points into the unfiltered list); the id lets a cursor
 * survive messages arriving at the top of the list between two page requests.
 */
export interface SmsCursor {
  index: number;
  recordId: string;
}

export interface SmsPageRequest {
  first: number;
  after: SmsCursor | null;
  filter: SmsFilter | null;
}

/** `first` when a client omits it (the schema default) or sends null. */
export const DEFAULT_SMS_PAGE_SIZE = 50;

/** Bumped if the cursor layout ever changes, so old cursors are refused rather than misread. */
const CURSOR_VERSION = 'sms1';
const CURSOR_TEXT = /^sms1:(\d{1,9}):([\x21-\x7e]{0,128})$/;
/** Record ids worth carrying in a cursor; Credeau's are 24 hex digits. Others fall back to the position alone. */
const CURSOR_RECORD_ID = /^[\x21-\x7e]{1,128}$/;
const MAX_CURSOR_LENGTH = 200;

export function encodeSmsCursor(index: number, recordId: string | null): string {
  const id = recordId !== null && CURSOR_RECORD_ID.test(recordId) ? recordId : '';
  return Buffer.from(`${CURSOR_VERSION}:${index}:${id}`, 'utf8').toString('base64url');
}

/** Throws BAD_USER_INPUT for anything this service did not issue (including a re-padded or edited cursor). */
export function decodeSmsCursor(cursor: string): SmsCursor {
  const refuse = () => new BadUserInputError('extractedSms: `after` is not a cursor issued by this field', 'CREDEAU');
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = CURSOR_TEXT.exec(decoded);
  if (!match) throw refuse();
  const parsed = { index: Number(match[1]), recordId: match[2] as string };
  // Base64 admits several spellings of one text; only the one we issue is accepted.
  if (encodeSmsCursor(parsed.index, parsed.recordId) !== cursor) throw refuse();
  return parsed;
}

/** Validates `first`/`after` before any vendor call: a bad page request costs nothing. */
export function parseSmsPageRequest(
  args: { first?: number | null; after?: string | null; filter?: SmsFilter | null },
  maxPageSize: number,
): SmsPageRequest {
  const first = args.first ?? DEFAULT_SMS_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new BadUserInputError(`extractedSms: \`first\` must be between 0 and ${maxPageSize}`, 'CREDEAU');
  }
  const after = args.after === undefined || args.after === null ? null : decodeSmsCursor(args.after);
  return { first, after, filter: args.filter ?? null };
}

export function matchesSmsFilter(sms: ExtractedSms, filter: SmsFilter | null): boolean {
  if (!filter) return true;
  if (filter.transactionalOnly === true && sms.isTransactional !== true) return false;
  if (filter.smsType != null && sms.smsType !== filter.smsType) return false;
  if (filter.senderType != null && sms.senderType !== filter.senderType) return false;
  if (filter.receivedAfter != null && !(sms.receivedAt && sms.receivedAt.getTime() > filter.receivedAfter.getTime())) {
    return false;
  }
  if (filter.receivedBefore != null && !(sms.receivedAt && sms.receivedAt.getTime() < filter.receivedBefore.getTime())) {
    return false;
  }
  return true;
}

/** One page of the messages matching the filter; `totalCount` counts all matching messages. */
export function pageOfSms(records: readonly ExtractedSms[], request: SmsPageRequest): Omit<ExtractedSmsConnection, 'retrievedAt' | 'fromCache' | 'stale' | 'evidenceId'> {
  const matching: number[] = [];
  records.forEach((sms, index) => {
    if (matchesSmsFilter(sms, request.filter)) matching.push(index);
  });
  const afterIndex = request.after ? resumePosition(records, request.after) : -1;
  const firstAfter = matching.findIndex((index) => index > afterIndex);
  const start = firstAfter === -1 ? matching.length : firstAfter;
  const edges = matching.slice(start, start + request.first).map((index) => {
    const node = records[index] as ExtractedSms;
    return { cursor: encodeSmsCursor(index, node.id), node };
  });
  return {
    totalCount: matching.length,
    pageInfo: {
      hasNextPage: start + edges.length < matching.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
  };
}

/**
 * The list position a cursor stands for. Normally the message is still where it was; if messages were
 * added or removed since, it is found again by its id; if it is gone, its old position is the best guess.
 */
function resumePosition(records: readonly ExtractedSms[], cursor: SmsCursor): number {
  if (cursor.recordId === '' || records[cursor.index]?.id === cursor.recordId) return cursor.index;
  const moved = records.findIndex((sms) => sms.id === cursor.recordId);
  return moved === -1 ? cursor.index : moved;
}
