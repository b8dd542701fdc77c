import { smsRecordsFor } from '../../src/simulators/credeau/credeau-sms.records';
import { errorAt, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';

const SMS_PATH = '/api/fetch_extracted_data';

const NODE_FIELDS = `id smsId sender receivedAt body senderName senderType smsType smsSubType nlpTag isTransactional
  transactionType amount accountLastDigits counterparty templateHash isClassified isExtracted`;

const PAGE = `query($id: ID!, $first: Int, $after: String, $threshold: Int, $filter: SmsFilter) {
  customerSignals(id: $id) { extractedSms(first: $first, after: $after, threshold: $threshold, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${NODE_FIELDS} } } } } }`;

interface PageArgs {
  first?: number;
  after?: string | null;
  threshold?: number;
  filter?: Record<string, unknown>;
}

type Sms = Record<string, unknown> & { id: string };

describe('Customer.extractedSms against the Credeau simulator', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => subgraph.simulators.credeau.resetCalls());

  const smsCalls = () => subgraph.simulators.credeau.callsTo(SMS_PATH);
  const page = (id: string, args: PageArgs = {}) => subgraph.query(PAGE, { id, ...args });
  const connection = (res: GraphQLResponse) => res.data?.customerSignals.extractedSms;

  /** Pages through every message matching `filter`, one operation per page. */
  async function collect(id: string, first: number, filter?: Record<string, unknown>) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const res = await page(id, { first, after, filter });
      expect(res.errors).toBeUndefined();
      const conn = connection(res);
      totals.add(conn.totalCount);
      ids.push(...conn.edges.map((edge: { node: Sms }) => edge.node.id));
      if (!conn.pageInfo.hasNextPage) return { ids, totals: [...totals], pages };
      after = conn.pageInfo.endCursor;
    }
  }

  it('pages through 1,200 messages 100 at a time, visiting each exactly once, with one vendor call', async () => {
    const expected = smsRecordsFor('sim-sms-1200', 'sim-client', 1200).map((record) => record._id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNo = 1; pageNo <= 12; pageNo++) {
      const res = await page('sim-sms-1200', { first: 100, after });
      expect(res.errors).toBeUndefined();
      const conn = connection(res);
      expect(conn.totalCount).toBe(1200);
      expect(conn.edges).toHaveLength(100);
      expect(conn.pageInfo.hasNextPage).toBe(pageNo < 12);
      expect(conn.pageInfo.hasPreviousPage).toBe(pageNo > 1);
      expect(conn.pageInfo.endCursor).toBe(conn.edges[99].cursor);
      seen.push(...conn.edges.map((edge: { node: Sms }) => edge.node.id));
      // One Credeau call for the whole walk: later pages come from the short-lived SMS list cache.
      expect(smsCalls()).toHaveLength(1);
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(1200);
  });

  it('makes one vendor call per (customer, threshold) in an operation, however many pages, filters and aliases', async () => {
    const res = await subgraph.query(`{ customerSignals(id: "sim-sms-1200-aliases") {
      a: extractedSms(first: 10) { totalCount edges { cursor } }
      b: extractedSms(first: 500, filter: { transactionalOnly: true }) { totalCount }
      c: extractedSms(first: 0, filter: { senderType: "bank" }) { totalCount pageInfo { hasNextPage } }
      d: extractedSms(first: 5, threshold: 100) { totalCount }
      e: extractedSms(first: 1, threshold: 100, filter: { smsType: "otp" }) { totalCount } } }`);
    expect(res.errors).toBeUndefined();
    const s = res.data?.customerSignals;
    expect(s.a.totalCount).toBe(1200);
    expect(s.d.totalCount).toBe(100);
    expect(smsCalls()).toHaveLength(2);
    expect(smsCalls().map((call) => call.body)).toEqual(
      expect.arrayContaining([
        { user_id: 'sim-sms-1200-aliases', client_id: 'sim-client' },
        { user_id: 'sim-sms-1200-aliases', client_id: 'sim-client', cnt_sms_threshold: 100 },
      ]),
    );
  });

  it('sends the documented headers and passes threshold as cnt_sms_threshold', async () => {
    const res = await page('cust-sms-headers', { first: 1, threshold: 25 });
    expect(connection(res).totalCount).toBe(25);
    const [call] = smsCalls();
    expect(call?.headers['x-client-id']).toBe('sim-client');
    expect(call?.headers['x-auth-token']).toBe('sim-token');
    expect(call?.body).toEqual({ user_id: 'cust-sms-headers', client_id: 'sim-client', cnt_sms_threshold: 25 });
  });

  it.each([
    ['transactional only', { transactionalOnly: true }, (r: Record<string, unknown>) => r.is_transactional === true],
    ['an sms type', { smsType: 'otp' }, (r: Record<string, unknown>) => r.sms_type === 'otp'],
    ['a sender type', { senderType: 'merchant' }, (r: Record<string, unknown>) => r.sender_type === 'merchant'],
    [
      'a received window with other conditions',
      { receivedAfter: '2025-08-01T00:00:00Z', receivedBefore: '2025-08-20T00:00:00.000Z', smsType: 'account_debit_executed', senderType: 'bank' },
      (r: Record<string, unknown>) => {
        const at = Date.parse(`${String(r.sms_inbox_date).replace(' ', 'T')}Z`);
        return at > Date.parse('2025-08-01T00:00:00Z') && at < Date.parse('2025-08-20T00:00:00Z') &&
          r.sms_type === 'account_debit_executed' && r.sender_type === 'bank';
      },
    ],
  ])('filters by %s before paging, and totalCount is the filtered count', async (_label, filter, predicate) => {
    const expected = smsRecordsFor('sim-sms-1200', 'sim-client', 1200).filter(predicate).map((r) => r._id);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(1200);
    const { ids, totals } = await collect('sim-sms-1200', 37, filter);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([expected.length]);
  });

  it('maps every vendor key to its field with real types', async () => {
    const [record] = smsRecordsFor('cust-sms-fields', 'sim-client', 1) as Array<Record<string, unknown>>;
    const res = await page('cust-sms-fields', { first: 1 });
    const node = connection(res).edges[0].node;
    expect(node).toEqual({
      id: record?._id, smsId: record?.sms_id, sender: record?.sms_sender,
      receivedAt: `${String(record?.sms_inbox_date).replace(' ', 'T')}.000Z`, body: record?.sms_body,
      senderName: record?.sender_name, senderType: record?.sender_type, smsType: record?.sms_type ?? null,
      smsSubType: record?.sms_sub_type ?? null, nlpTag: record?.sms_nlp_tag, isTransactional: record?.is_transactional,
      transactionType: record?.transaction_type ?? null, amount: record?.transaction ?? null,
      accountLastDigits: record?.account_last_digits ?? null, counterparty: record?.transaction_party ?? null,
      templateHash: record?.template_hash ?? null, isClassified: record?.is_classified, isExtracted: record?.is_extracted,
    });
  });

  it('answers missing vendor keys with nulls, never an error', async () => {
    const res = await page('sim-sms-sparse', { first: 50 });
    expect(res.errors).toBeUndefined();
    const conn = connection(res);
    expect(conn.totalCount).toBe(12);
    expect(Object.values(conn.edges[0].node).every((value) => value === null)).toBe(true);
    expect(conn.edges[1].node.id).toEqual(expect.any(String));
    expect(conn.edges[2].node).toMatchObject({ smsId: '1345', amount: 80 });
    // Cursors work even for the message that has no id.
    const next = await page('sim-sms-sparse', { first: 1, after: conn.edges[0].cursor });
    expect(connection(next).edges[0].node.id).toBe(conn.edges[1].node.id);
  });

  it('answers an empty vendor list with an empty connection', async () => {
    const res = await page('sim-sms-empty');
    expect(res.errors).toBeUndefined();
    expect(connection(res)).toEqual({
      totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it.each([
    ['a bad cursor', { after: 'bm90LWEtY3Vyc29y' }],
    ['a cursor that is not base64url', { after: '***' }],
    ['first: 100000', { first: 100_000 }],
    ['first: 501 (one over the cap)', { first: 501 }],
    ['first: -1', { first: -1 }],
    ['threshold: 0', { threshold: 0 }],
  ])('refuses %s with BAD_USER_INPUT before calling Credeau', async (_label, args) => {
    const res = await page('sim-sms-1200', args);
    expect(connection(res)).toBeNull();
    expect(errorAt(res, ['customerSignals', 'extractedSms'])?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(subgraph.simulators.credeau.calls).toHaveLength(0);
  });

  it('accepts a page of exactly the cap', async () => {
    const res = await page('sim-sms-1200', { first: 500 });
    expect(connection(res).edges).toHaveLength(500);
  });

  it('retries a 429 to success', async () => {
    const res = await page('sim-sms-rate-limited-once-e2e', { first: 3 });
    expect(res.errors).toBeUndefined();
    expect(connection(res).edges).toHaveLength(3);
    expect(smsCalls()).toHaveLength(2);
  });

  it.each([
    ['sim-sms-unavailable', 'VENDOR_UNAVAILABLE'],
    ['sim-sms-forbidden', 'VENDOR_UNAUTHORIZED'],
    ['sim-sms-unprocessable', 'VENDOR_BAD_REQUEST'],
    ['sim-sms-malformed', 'VENDOR_BAD_RESPONSE'],
    ['sim-sms-no-list', 'VENDOR_BAD_RESPONSE'],
    ['sim-sms-other-user', 'VENDOR_BAD_RESPONSE'],
  ])('maps %s to %s on extractedSms only', async (id, code) => {
    const res = await subgraph.query(
      `query($id: ID!) { customerSignals(id: $id) { id deviceInsights { status } extractedSms { totalCount } } }`,
      { id },
    );
    expect(res.data?.customerSignals).toMatchObject({ id, deviceInsights: { status: 'COMPLETE' }, extractedSms: null });
    expect(res.errors).toHaveLength(1);
    expect(errorAt(res, ['customerSignals', 'extractedSms'])?.extensions).toMatchObject({ code, vendor: 'CREDEAU' });
    // Our message, never the vendor's body (which here holds message text).
    expect(JSON.stringify(res.errors)).not.toMatch(/dear upi|403 Forbidden|Field required|debited|credited/);
  });

  it('never writes a message body, counterparty or account digits to a log line', async () => {
    subgraph.logs.length = 0;
    const res = await page('cust-sms-logs', { first: 200 });
    await page('sim-sms-malformed-logs');
    await page('sim-sms-other-user-logs');
    const nodes: Sms[] = connection(res).edges.map((edge: { node: Sms }) => edge.node);
    expect(nodes.length).toBeGreaterThan(30);
    expect(subgraph.logs.length).toBeGreaterThan(0);
    const logs = subgraph.logs.join('\n');
    for (const node of nodes) {
      expect(logs).not.toContain(node.body as string);
      if (node.counterparty) expect(logs).not.toContain(node.counterparty as string);
      if (node.accountLastDigits) expect(logs).not.toContain(`x${node.accountLastDigits as string}`);
    }
    expect(logs).not.toMatch(/sms_body|transaction_party|account_last_digits|dear customer|dear upi/);
  });
});

describe('the SMS list cache across operations', () => {
  const PAGE_IDS = `query($id: ID!, $after: String) { customerSignals(id: $id) {
    extractedSms(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id body } } } } }`;

  async function walk(subgraph: TestSubgraph, id: string): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await subgraph.query(PAGE_IDS, { id, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data?.customerSignals.extractedSms;
      ids.push(...conn.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!conn.pageInfo.hasNextPage) return ids;
      after = conn.pageInfo.endCursor;
    }
  }

  it('keeps customers apart: each customer gets its own messages and its own single call', async () => {
    const subgraph = await startTestSubgraph();
    try {
      const a = await walk(subgraph, 'sim-sms-300-cache-a');
      const b = await walk(subgraph, 'sim-sms-250-cache-b');
      const aAgain = await walk(subgraph, 'sim-sms-300-cache-a');
      expect(a).toEqual(smsRecordsFor('sim-sms-300-cache-a', 'sim-client', 300).map((r) => r._id));
      expect(b).toEqual(smsRecordsFor('sim-sms-250-cache-b', 'sim-client', 250).map((r) => r._id));
      expect(aAgain).toEqual(a);
      expect(a.filter((id) => b.includes(id))).toEqual([]);
      const bodies = subgraph.simulators.credeau.callsTo('/api/fetch_extracted_data').map((c) => (c.body as { user_id: string }).user_id);
      expect(bodies).toEqual(['sim-sms-300-cache-a', 'sim-sms-250-cache-b']);
    } finally {
      await subgraph.stop();
    }
  });

  it('with CREDEAU_SMS_CACHE_TTL_MS=0 every page operation calls Credeau again', async () => {
    const subgraph = await startTestSubgraph({ CREDEAU_SMS_CACHE_TTL_MS: '0' });
    try {
      const ids = await walk(subgraph, 'sim-sms-1200-nocache');
      expect(new Set(ids).size).toBe(1200);
      expect(subgraph.simulators.credeau.callsTo('/api/fetch_extracted_data')).toHaveLength(12);
    } finally {
      await subgraph.stop();
    }
  });

  it('never caches a failure: the next operation asks Credeau again', async () => {
    const subgraph = await startTestSubgraph();
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await subgraph.query(PAGE_IDS, { id: 'sim-sms-unavailable-cache' });
        expect(res.data?.customerSignals.extractedSms).toBeNull();
      }
      const calls = subgraph.simulators.credeau.callsTo('/api/fetch_extracted_data');
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(new Set(calls.map((c) => (c.body as { user_id: string }).user_id))).toEqual(new Set(['sim-sms-unavailable-cache']));
    } finally {
      await subgraph.stop();
    }
  });
});
