import { BadUserInputError } from '../../src/errors';
import {
  decodeSmsCursor,
  encodeSmsCursor,
  matchesSmsFilter,
  pageOfSms,
  parseSmsPageRequest,
} from '../../src/datasources/credeau/credeau-sms.paging';
import type { ExtractedSms } from '../../src/types/credeau/extracted-sms.type';

function sms(index: number, overrides: Partial<ExtractedSms> = {}): ExtractedSms {
  return {
    id: `id-${index}`, smsId: String(index), sender: 'bank', receivedAt: new Date(Date.UTC(2025, 0, 1) - index * 3_600_000),
    body: `body ${index}`, senderName: 'bank', senderType: index % 3 === 0 ? 'merchant' : 'bank',
    smsType: index % 2 === 0 ? 'account_debit_executed' : 'otp', smsSubType: null, nlpTag: null,
    isTransactional: index % 2 === 0, transactionType: null, amount: null, accountLastDigits: null,
    counterparty: null, templateHash: null, isClassified: true, isExtracted: true, ...overrides,
  };
}

const RECORDS = Array.from({ length: 250 }, (_, i) => sms(i));

function walk(records: readonly ExtractedSms[], first: number, filter: Parameters<typeof matchesSmsFilter>[1] = null) {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = pageOfSms(records, parseSmsPageRequest({ first, after, filter }, 500));
    pages++;
    seen.push(...page.edges.map((edge) => edge.node.id as string));
    if (!page.pageInfo.hasNextPage) return { seen, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

describe('SMS cursors', () => {
  it('round-trip and are opaque base64url', () => {
    const cursor = encodeSmsCursor(41, '68d64205e4a336675ab707c6');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSmsCursor(cursor)).toEqual({ index: 41, recordId: '68d64205e4a336675ab707c6' });
    expect(decodeSmsCursor(encodeSmsCursor(0, null))).toEqual({ index: 0, recordId: '' });
    // An id we could not carry safely is left out: the cursor still works, by position.
    expect(decodeSmsCursor(encodeSmsCursor(7, 'id with spaces'))).toEqual({ index: 7, recordId: '' });
  });

  it('are stable: the same message gets the same cursor in every page and under every filter', () => {
    const plain = pageOfSms(RECORDS, parseSmsPageRequest({ first: 10 }, 500));
    const filtered = pageOfSms(RECORDS, parseSmsPageRequest({ first: 10, filter: { transactionalOnly: true } }, 500));
    expect(filtered.edges[1]?.cursor).toBe(plain.edges[2]?.cursor);
  });

  it.each([
    ['', 'empty'],
    ['not base64!', 'not base64url'],
    [Buffer.from('sms1:abc:x').toString('base64url'), 'a non-numeric position'],
    [Buffer.from('sms0:3:x').toString('base64url'), 'another version'],
    [Buffer.from('sms1:3:x').toString('base64'), 'padded base64'],
    [`${encodeSmsCursor(3, 'x')}A`, 'edited'],
    ['A'.repeat(400), 'too long'],
  ])('refuses %p (%s) as BAD_USER_INPUT', (cursor) => {
    expect(() => decodeSmsCursor(cursor)).toThrow(BadUserInputError);
  });
});

describe('parseSmsPageRequest', () => {
  it('defaults first to 50 (also for an explicit null) and accepts 0 up to the cap', () => {
    expect(parseSmsPageRequest({}, 500).first).toBe(50);
    expect(parseSmsPageRequest({ first: null }, 500).first).toBe(50);
    expect(parseSmsPageRequest({ first: 0 }, 500).first).toBe(0);
    expect(parseSmsPageRequest({ first: 500 }, 500).first).toBe(500);
  });

  it.each([501, 100_000, -1])('refuses first: %p as BAD_USER_INPUT', (first) => {
    expect(() => parseSmsPageRequest({ first }, 500)).toThrow(BadUserInputError);
  });

  it('refuses a bad cursor', () => {
    expect(() => parseSmsPageRequest({ after: 'nonsense' }, 500)).toThrow(BadUserInputError);
  });
});

describe('pageOfSms', () => {
  it('visits every message exactly once, in order, 30 at a time', () => {
    const { seen, pages, totalCount } = walk(RECORDS, 30);
    expect(seen).toEqual(RECORDS.map((r) => r.id));
    expect(pages).toBe(9);
    expect(totalCount).toBe(250);
  });

  it('filters before paging: totalCount is the filtered count and pages hold only matches', () => {
    const filter = { transactionalOnly: true, senderType: 'bank' };
    const expected = RECORDS.filter((r) => r.isTransactional && r.senderType === 'bank').map((r) => r.id);
    const { seen, totalCount } = walk(RECORDS, 7, filter);
    expect(seen).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('filters by type and by received-after/before (strict, undated messages left out)', () => {
    const after = RECORDS[20]?.receivedAt as Date;
    const before = RECORDS[10]?.receivedAt as Date;
    const records = [...RECORDS.slice(0, 30), sms(999, { receivedAt: null })];
    const page = pageOfSms(records, parseSmsPageRequest({ first: 100, filter: { receivedAfter: after, receivedBefore: before } }, 500));
    expect(page.edges.map((e) => e.node.id)).toEqual(RECORDS.slice(11, 20).map((r) => r.id));
    const otp = pageOfSms(records, parseSmsPageRequest({ first: 100, filter: { smsType: 'otp' } }, 500));
    expect(otp.edges.every((e) => e.node.smsType === 'otp')).toBe(true);
    expect(otp.totalCount).toBe(records.filter((r) => r.smsType === 'otp').length);
  });

  it('describes page position in pageInfo', () => {
    const first = pageOfSms(RECORDS, parseSmsPageRequest({ first: 100 }, 500));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]?.cursor });
    const last = pageOfSms(RECORDS, parseSmsPageRequest({ first: 100, after: encodeSmsCursor(199, 'id-199') }, 500));
    expect(last.edges).toHaveLength(50);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const none = pageOfSms(RECORDS, parseSmsPageRequest({ first: 0 }, 500));
    expect(none).toMatchObject({ totalCount: 250, edges: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  it('answers an empty list with an empty connection', () => {
    expect(pageOfSms([], parseSmsPageRequest({}, 500))).toEqual({
      totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('resumes after the same message when new messages arrived at the top of the list', () => {
    const page1 = pageOfSms(RECORDS, parseSmsPageRequest({ first: 10 }, 500));
    const grown = [sms(-2), sms(-1), ...RECORDS];
    const page2 = pageOfSms(grown, parseSmsPageRequest({ first: 10, after: page1.pageInfo.endCursor }, 500));
    expect(page2.edges.map((e) => e.node.id)).toEqual(RECORDS.slice(10, 20).map((r) => r.id));
  });
});
