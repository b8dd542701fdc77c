import { CREDEAU_SCENARIOS, CREDEAU_SIMULATOR_CREDENTIALS } from '../../src/simulators/credeau/credeau.simulator';
import { CREDEAU_SMS_SCENARIOS } from '../../src/simulators/credeau/credeau-sms.route';
import { CREDOLAB_DATASET_SCENARIOS, CREDOLAB_SIMULATOR_CREDENTIALS } from '../../src/simulators/credolab/credolab.simulator';
import { FINBOX_SCENARIOS, FINBOX_SIMULATOR_CREDENTIALS } from '../../src/simulators/finbox/finbox.simulator';
import { NEUROID_SCENARIOS, NEUROID_SIMULATOR_CREDENTIALS } from '../../src/simulators/neuroid/neuroid.simulator';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';
import { AUDIENCE, ISSUER, liveVendorEnv, startTestIssuer, type TestIssuer } from './security-support';

const SECRET = 'log-scan-router-secret-7f3a';
const EMAIL = 'scan-probe.person@example.test';
const PHONE = '+15032246017';
/** Scenario names that take a count: give them one so they finish quickly. */
const withCount = (scenario: string) => (/pending|in-progress/.test(scenario) ? `sim-${scenario}-1` : `sim-${scenario}`);

/**
 * Runs every vendor field against every simulator scenario at LOG_LEVEL=trace, with every vendor live
 * (credentials configured), a router secret and a JWT on each request, then scans every log line the server
 * wrote for the personal data and secrets that went through it. Each needle is first shown to have really
 * passed through (in a response, or in what a vendor received), so the scan could fail.
 */
describe('logs at trace level over the whole vendor matrix', () => {
  let issuer: TestIssuer;
  let subgraph: TestSubgraph;
  let token: string;
  const responses: GraphQLResponse[] = [];
  const written: string[] = [];
  const realWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const res = await subgraph.query(query, variables, { 'router-authorization': SECRET, authorization: `Bearer ${token}` });
    expect(res.errors?.filter((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN') ?? []).toEqual([]);
    responses.push(res);
    return res;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    token = await issuer.token({ scope: 'signals:sms:read signals:fraud:check' });
    // Anything written to the process's own stdout/stderr (not only the pino stream) is scanned too.
    process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => (written.push(String(chunk)), realWrite.out(chunk as string, ...(rest as [])))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => (written.push(String(chunk)), realWrite.err(chunk as string, ...(rest as [])))) as typeof process.stderr.write;
    subgraph = await startTestSubgraph((sims) => ({
      ...liveVendorEnv(sims),
      LOG_LEVEL: 'trace',
      ROUTER_SECRET: SECRET,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      CREDEAU_TIMEOUT_MS: '300',
      CREDEAU_POLL_TIMEOUT_MS: '200',
      CREDEAU_MAX_RETRIES: '1',
      CREDOLAB_TIMEOUT_MS: '300',
      CREDOLAB_MAX_RETRIES: '1',
      NEUROID_TIMEOUT_MS: '300',
      NEUROID_MAX_RETRIES: '1',
      FINBOX_POLL_TIMEOUT_MS: '100',
    }));

    const aliases = (ids: string[], selection: (id: string) => string) =>
      ids.map((id, i) => `a${i}: customerSignals(id: ${JSON.stringify(id)}) { ${selection(id)} }`).join('\n');
    await ask(`{ ${aliases(['scan-ok-1', ...CREDEAU_SCENARIOS.map(withCount)], () => 'deviceInsights { status featureCount feature(name: "all_sms_count_nlp") }')} }`);
    const sms = 'extractedSms(first: 50) { totalCount pageInfo { endCursor hasNextPage } edges { node { id body sender senderName counterparty accountLastDigits amount templateHash } } }';
    await ask(`{ ${aliases(['scan-ok-2', 'sim-sms-120', ...CREDEAU_SMS_SCENARIOS.map(withCount)], () => sms)} }`);
    // SMS paging: the next pages of one customer, with `after`.
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res = await ask('query($after: String) { customerSignals(id: "sim-sms-120") { extractedSms(first: 50, after: $after) { pageInfo { endCursor hasNextPage } edges { node { body counterparty accountLastDigits } } } } }', { after });
      after = res.data?.customerSignals.extractedSms?.pageInfo.endCursor ?? null;
      if (!res.data?.customerSignals.extractedSms?.pageInfo.hasNextPage) break;
    }
    await ask(`{ ${aliases(['scan-ok-3', ...FINBOX_SCENARIOS.map(withCount)], () => 'finboxPredictors { status version predictors { name value } }')} }`);
    await ask(`{ ${aliases(['scan-ok-4', 'example-response-1', 'example-response-2', ...NEUROID_SCENARIOS.map(withCount)], () => 'behaviorSignals { status profileId clientId funnel signals { model label score } interactionAttributes }')} }`);
    await ask(`{ customerSignals(id: "scan-ok-5") { neuro: behaviorSignals(siteId: "form_unconfigured") { status } other: behaviorSignals(siteId: "form_neuro400") { status } } }`);
    const fraud = (ruleset: string) =>
      `fraudCheck(rulesetId: "${ruleset}", accountCode: "acct-scan-1", transactionInsight: { email: "${EMAIL}", mobilePhoneNumber: "${PHONE}", eventId: "ev-scan-1" }) { status result reason score rules { type reason } device { alias os } realIp { city isp } }`;
    await ask(`{ customerSignals(id: "scan-ok-7") { ${CREDOLAB_DATASET_SCENARIOS.map((s, i) => `c${i}: credolabScore(referenceNumber: "sim-${s}") { status score probability fragments { code value } ${fraud(i % 2 ? 'default' : 'sim-ruleset')} }`).join('\n')} bad: credolabScore(referenceNumber: "scan-ok-7") { ${fraud('no-such-ruleset')} } } }`);
  }, 120_000);

  afterAll(async () => {
    process.stdout.write = realWrite.out as typeof process.stdout.write;
    process.stderr.write = realWrite.err as typeof process.stderr.write;
    await subgraph?.stop();
    await issuer?.stop();
  });

  it('writes no SMS body, counterparty, account digits, e-mail, phone, credential, bearer token, router secret or FinBox salt', () => {
    const sims = subgraph.simulators;
    const answered = JSON.stringify(responses);
    const nodes = responses.flatMap((res) => JSON.stringify(res.data ?? {}).match(/"node":\{[^}]*\}/g) ?? []).map((n) => JSON.parse(n.slice(7)) as Record<string, unknown>);
    const strings = (key: string) => [...new Set(nodes.map((n) => n[key]).filter((v): v is string => typeof v === 'string' && v.length > 0))];
    const bodies = strings('body');
    const counterparties = strings('counterparty');
    const accountDigits = strings('accountLastDigits');
    const received = JSON.stringify(Object.values(sims).flatMap((sim) => sim.calls));
    const vendorTokens = [...new Set(received.match(/Bearer [A-Za-z0-9._~+/=-]+/g) ?? [])].map((b) => b.slice(7));
    const salts = sims.finbox.calls.map((call) => (call.body as { salt?: string } | undefined)?.salt).filter((s): s is string => !!s);
    const credentials = [
      CREDEAU_SIMULATOR_CREDENTIALS.clientId, CREDEAU_SIMULATOR_CREDENTIALS.authToken,
      CREDOLAB_SIMULATOR_CREDENTIALS.email, CREDOLAB_SIMULATOR_CREDENTIALS.password,
      NEUROID_SIMULATOR_CREDENTIALS.apiKey, FINBOX_SIMULATOR_CREDENTIALS.apiKey, FINBOX_SIMULATOR_CREDENTIALS.serverHash,
    ];

    // The needles really went through: clients got the personal data, vendors got the rest.
    expect(bodies.length).toBeGreaterThan(100);
    expect(counterparties.length).toBeGreaterThan(3);
    expect(accountDigits.length).toBeGreaterThan(10);
    for (const needle of [...bodies, ...counterparties, ...accountDigits]) expect(answered).toContain(needle);
    for (const needle of [EMAIL, PHONE, ...credentials.filter((c) => c !== FINBOX_SIMULATOR_CREDENTIALS.serverHash)]) expect(received).toContain(needle);
    expect(vendorTokens.length).toBeGreaterThan(0);
    expect(salts.length).toBeGreaterThan(5);
    expect(subgraph.logs.length).toBeGreaterThan(20);
    expect(subgraph.logs.some((line) => line.includes('"level":10') || line.includes('"level":20'))).toBe(true);

    // Every string in every log line (numbers such as pid, time and durations cannot hold these).
    const logText = [...subgraph.logs, ...written]
      .map((line) => {
        try {
          const { hostname: _h, ...rest } = JSON.parse(line) as Record<string, unknown>;
          return stringsIn(rest).join('\n');
        } catch {
          return line;
        }
      })
      .join('\n');
    const hits: string[] = [];
    const plain = [...bodies, ...counterparties, EMAIL, PHONE, PHONE.slice(1), ...credentials, token, ...vendorTokens, SECRET, ...salts];
    for (const needle of plain) if (logText.toLowerCase().includes(needle.toLowerCase())) hits.push(needle);
    for (const digits of accountDigits) if (new RegExp(`(?<![0-9A-Za-z])x?${digits}(?![0-9A-Za-z])`).test(logText)) hits.push(digits);
    expect(hits).toEqual([]);
  });
});

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  return [];
}
