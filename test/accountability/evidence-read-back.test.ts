import { startTestSubgraph, STORE_ON_ENV, type TestSubgraph } from '../support/harness';
import { AUDIENCE, ISSUER, startTestIssuer, type TestIssuer } from '../security/security-support';
import { until } from '../store/redis-support';

const INSIGHTS = `query Insights($id: ID!) { customerSignals(id: $id) { deviceInsights { status evidenceId feature(name: "all_sms_count_nlp") } } }`;
const EVIDENCE = `query Evidence($ids: [ID!]!) { signalEvidence(ids: $ids) { id vendor product customerId status retrievedAt vendorRequestId body } }`;
const ACCESS_LOG = `query Access($id: ID!) { signalAccessLog(customerId: $id) { subject clientName clientVersion operationName field evidenceId } }`;

/**
 * Evidence end to end, on the ledger the suite's PostgreSQL holds: every vendor answer a response used can
 * be read back (as the vendor sent it) by an auditor, and every read is in the access log.
 */
describe('evidence ids and the access log, read back with signals:audit', () => {
  let issuer: TestIssuer;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    subgraph = await startTestSubgraph({ ...STORE_ON_ENV, AUTH_JWKS_URL: issuer.jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await issuer?.stop();
  });

  const as = async (sub: string, scope: string, client?: string) => ({
    authorization: `Bearer ${await issuer.token({ sub, scope })}`,
    ...(client ? { 'apollographql-client-name': client, 'apollographql-client-version': '7.1.0' } : {}),
  });

  it("returns the vendor's body as received for a response's evidenceId; two responses from one stored answer share it", async () => {
    const reader = await as('loan-officer-7', '', 'lending-web');
    const first = await subgraph.query(INSIGHTS, { id: 'evidence-cust-1' }, reader);
    const second = await subgraph.query(INSIGHTS, { id: 'evidence-cust-1' }, reader);
    expect(first.errors).toBeUndefined();
    const insights = first.data?.customerSignals.deviceInsights;
    expect(insights.evidenceId).toEqual(expect.any(String));
    expect(second.data?.customerSignals.deviceInsights.evidenceId).toBe(insights.evidenceId);
    expect(subgraph.simulators.credeau.callsTo('/api/async_insights').filter((c) => (c.body as { user_id?: string }).user_id === 'evidence-cust-1').length).toBeGreaterThan(0);

    const audit = await subgraph.query(EVIDENCE, { ids: [insights.evidenceId, 'ev_unknown'] }, await as('auditor-1', 'signals:audit'));
    expect(audit.errors).toBeUndefined();
    const [record, unknown] = audit.data?.signalEvidence ?? [];
    expect(unknown).toBeNull();
    expect(record).toMatchObject({ id: insights.evidenceId, vendor: 'CREDEAU', product: 'credeau', customerId: 'evidence-cust-1', status: 'AVAILABLE' });
    // The body is the vendor's own JSON: its user_id, and the feature value the response showed.
    expect(record.body.user_id).toBe('evidence-cust-1');
    expect(record.body.all_sms_count_nlp).toEqual(insights.feature);
    expect(record.vendorRequestId).toBe(record.body.request_id);
  });

  it('refuses the evidence and the access log without signals:audit (FORBIDDEN), reading nothing', async () => {
    const token = await as('loan-officer-7', 'signals:sms:read');
    const evidence = await subgraph.query(EVIDENCE, { ids: ['ev_anything'] }, token);
    expect(evidence.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', retryable: false });
    expect(evidence.data).toBeNull();
    const log = await subgraph.query(ACCESS_LOG, { id: 'evidence-cust-1' }, token);
    expect(log.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists who read whose signals: JWT subject, client, operation, field and evidenceId of each read', async () => {
    const read = await subgraph.query(INSIGHTS, { id: 'evidence-cust-2' }, await as('loan-officer-9', '', 'risk-console'));
    const evidenceId = read.data?.customerSignals.deviceInsights.evidenceId;
    expect(evidenceId).toEqual(expect.any(String));
    const auditor = await as('auditor-2', 'signals:audit');
    let entries: unknown[] = [];
    // Appends are batched (ACCESS_LOG_FLUSH_INTERVAL_MS): wait until the batch is written.
    await until(async () => {
      entries = (await subgraph.query(ACCESS_LOG, { id: 'evidence-cust-2' }, auditor)).data?.signalAccessLog ?? [];
      return entries.length > 0;
    }, 'the access log entry');
    expect(entries).toEqual([
      { subject: 'loan-officer-9', clientName: 'risk-console', clientVersion: '7.1.0', operationName: 'Insights', field: 'Customer.deviceInsights', evidenceId },
    ]);
  });

  it('rejects an empty or oversized id list with BAD_USER_INPUT', async () => {
    const auditor = await as('auditor-3', 'signals:audit');
    const empty = await subgraph.query(EVIDENCE, { ids: [] }, auditor);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const many = await subgraph.query(EVIDENCE, { ids: Array.from({ length: 101 }, (_, i) => `ev_${i}`) }, auditor);
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
