import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { AUDIENCE, ISSUER, post, resetVendorCalls, startTestIssuer, vendorCalls, type TestIssuer } from './security-support';
import { EXTRACTED_SMS_PATH } from '../../src/simulators/credeau/credeau-sms.route';

const SMS_AND_INSIGHTS = `query($id: ID!) { customerSignals(id: $id) {
  deviceInsights { status featureCount }
  extractedSms(first: 2) { totalCount edges { node { body } } }
} }`;
const FRAUD_CHECK = `query($id: ID!) { customerSignals(id: $id) {
  credolabScore { status fraudCheck(rulesetId: "default", accountCode: "acc-1", transactionInsight: { email: "jwt-probe@example.test", mobilePhoneNumber: "+15032246010" }) { __typename } }
} }`;

const bearer = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

describe.each([
  ['AUTH_JWKS_URL (a JWKS served by the test)', (issuer: TestIssuer) => ({ AUTH_JWKS_URL: issuer.jwksUrl })],
  ['AUTH_JWT_PUBLIC_KEY (PEM)', (issuer: TestIssuer) => ({ AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem })],
])('JWT verification with %s', (_label, keyEnv) => {
  let issuer: TestIssuer;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    subgraph = await startTestSubgraph({ ...keyEnv(issuer), AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await issuer?.stop();
  });
  beforeEach(() => resetVendorCalls(subgraph.simulators));

  const body = (id: string, query = SMS_AND_INSIGHTS) => JSON.stringify({ query, variables: { id } });

  it('refuses a request without a token: 401, GraphQL JSON, nothing runs', async () => {
    const res = await post(subgraph.url, body('jwt-none'));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', retryable: false } }] });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(vendorCalls(subgraph.simulators)).toBe(0);
  });

  it.each([
    ['expired', { expiresIn: -60 }],
    ['from the wrong issuer', { iss: 'https://evil.test/' }],
    ['for the wrong audience', { aud: 'another-service' }],
    ['signed by another key', { key: 'other' as const }],
  ])('refuses a token %s with 401', async (_what, claims) => {
    const token = await issuer.token({ scope: 'signals:sms:read signals:fraud:check', ...claims });
    const res = await post(subgraph.url, body('jwt-bad'), bearer(token));
    expect(res.status).toBe(401);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.text).not.toContain(token);
    expect(vendorCalls(subgraph.simulators)).toBe(0);
  });

  it('refuses a token that is not a JWT, or not sent as Bearer', async () => {
    expect((await post(subgraph.url, body('jwt-x'), bearer('not-a-jwt'))).status).toBe(401);
    const token = await issuer.token({ scope: 'signals:sms:read' });
    expect((await post(subgraph.url, body('jwt-x'), { 'content-type': 'application/json', authorization: token })).status).toBe(401);
    expect(vendorCalls(subgraph.simulators)).toBe(0);
  });

  it('without signals:sms:read: extractedSms is null with FORBIDDEN and Credeau SMS is never called, deviceInsights answers', async () => {
    const token = await issuer.token({ scope: 'openid signals:fraud:check' });
    const res = await post(subgraph.url, body('jwt-noscope'), bearer(token));
    expect(res.status).toBe(200);
    expect(res.json?.data?.customerSignals.extractedSms).toBeNull();
    expect(res.json?.data?.customerSignals.deviceInsights).toMatchObject({ status: 'COMPLETE', featureCount: expect.any(Number) });
    expect(res.json?.errors).toEqual([
      { message: expect.stringContaining('signals:sms:read'), path: ['customerSignals', 'extractedSms'], locations: expect.any(Array), extensions: expect.objectContaining({ code: 'FORBIDDEN' }) },
    ]);
    expect(subgraph.simulators.credeau.callsTo(EXTRACTED_SMS_PATH)).toHaveLength(0);
    expect(subgraph.simulators.credeau.insightCallsFor('jwt-noscope')).toBe(1);
  });

  it('with signals:sms:read (in `scope`, or in an `scp` list): the SMS page comes back', async () => {
    for (const claims of [{ scope: 'signals:sms:read' }, { scp: ['signals:sms:read'] }]) {
      const res = await post(subgraph.url, body('jwt-scope'), bearer(await issuer.token(claims)));
      expect(res.status).toBe(200);
      expect(res.json?.errors).toBeUndefined();
      expect(res.json?.data?.customerSignals.extractedSms.totalCount).toBeGreaterThan(0);
      expect(res.json?.data?.customerSignals.extractedSms.edges).toHaveLength(2);
    }
    expect(subgraph.simulators.credeau.callsTo(EXTRACTED_SMS_PATH).length).toBeGreaterThan(0);
    if (_label.startsWith('AUTH_JWKS_URL')) expect(issuer.jwksRequests()).toBeGreaterThan(0); // the key really came from the JWKS
  });

  it('fraudCheck needs signals:fraud:check: without it null with FORBIDDEN and no fraud call, with it answered', async () => {
    const without = await post(subgraph.url, body('jwt-fraud', FRAUD_CHECK), bearer(await issuer.token({ scope: 'signals:sms:read' })));
    expect(without.json?.data?.customerSignals.credolabScore).toMatchObject({ status: 'COMPLETE', fraudCheck: null });
    expect(without.json?.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(subgraph.simulators.credolab.calls.filter((call) => call.path.includes('/iovation/fraud/checks/'))).toHaveLength(0);
    expect(JSON.stringify(subgraph.simulators.credolab.calls)).not.toContain('jwt-probe@example.test');

    const withScope = await post(subgraph.url, body('jwt-fraud', FRAUD_CHECK), bearer(await issuer.token({ scope: 'signals:fraud:check' })));
    expect(withScope.json?.errors).toBeUndefined();
    expect(withScope.json?.data?.customerSignals.credolabScore.fraudCheck).toEqual({ __typename: 'CredolabFraudCheck' });
    expect(subgraph.simulators.credolab.calls.filter((call) => call.path.includes('/iovation/fraud/checks/'))).toHaveLength(1);
  });

  it('applies scopes to _entities too', async () => {
    const token = await issuer.token({ scope: '' });
    const res = await post(
      subgraph.url,
      JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id extractedSms(first: 1) { totalCount } } } }',
        variables: { r: [{ __typename: 'Customer', id: 'jwt-e1' }, { __typename: 'Customer', id: 'jwt-e2' }] },
      }),
      bearer(token),
    );
    expect(res.json?.data?._entities).toEqual([{ id: 'jwt-e1', extractedSms: null }, { id: 'jwt-e2', extractedSms: null }]);
    expect(res.json?.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(vendorCalls(subgraph.simulators)).toBe(0);
  });
});

describe('without JWT verification configured', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());

  it('needs no token and checks no scope (the router is then the only enforcement)', async () => {
    const res = await subgraph.query('{ customerSignals(id: "nojwt-1") { extractedSms(first: 1) { totalCount } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.extractedSms.totalCount).toBeGreaterThan(0);
  });
});
