import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisProcess } from '../support/redis-process';
import { startReplicaFleet, type ReplicaFleet } from '../support/replicas';
import { until } from '../store/redis-support';

const INSIGHTS = `query($id: ID!) { customerSignals(id: $id) { deviceInsights { status evidenceId } } }`;
const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { deviceInsights { status } } } }`;
const ERASE = `mutation($id: ID!) { eraseCustomerSignals(id: $id) {
  erasedAt storeEntries evidenceRecords replicasReached replicasAcknowledged routerInvalidation } }`;
const EVIDENCE = `query($ids: [ID!]!) { signalEvidence(ids: $ids) { id status customerId body } }`;
const ACCESS_LOG = `query($id: ID!) { signalAccessLog(customerId: $id) { subject field } }`;
const ROUTER_KEY = 'router-shared-key-for-tests';

interface RouterCall {
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Apollo Router's invalidation endpoint, as a stub on port 0: records what it is sent, answers 202. */
async function startRouterStub(): Promise<{ url: string; calls: RouterCall[]; stop(): Promise<void> }> {
  const calls: RouterCall[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      calls.push({ headers: req.headers, body: JSON.parse(text) });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"count":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/invalidation`,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function ask(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }>; extensions?: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Erasure across a fleet: three replicas on one Redis, each queried directly (as the router's load balancer
 * would reach any of them). After one replica erases a customer, no replica serves the old answer, the old
 * evidence is unreadable, a call in flight at that moment is never stored, and the router is told.
 */
describe('eraseCustomerSignals across three replicas on one Redis', () => {
  let redis: RedisProcess;
  let router: Awaited<ReturnType<typeof startRouterStub>>;
  let fleet: ReplicaFleet;
  let urls: string[];
  beforeAll(async () => {
    redis = await RedisProcess.start();
    router = await startRouterStub();
    fleet = await startReplicaFleet({
      size: 3, redisUrl: redis.url, cluster: false, gateway: 'apollo',
      // Acknowledgements end the wait as soon as all three arrived; the long bound only keeps a loaded
      // machine from turning a slow replica into a missing one (production waits ERASURE_ACK_TIMEOUT_MS, 1 s).
      env: { ROUTER_INVALIDATION_URL: router.url, ROUTER_INVALIDATION_KEY: ROUTER_KEY, ERASURE_ACK_TIMEOUT_MS: '15000' },
    });
    urls = await Promise.all(fleet.replicas.map((replica) => replica.ready));
  }, 90_000);
  afterAll(async () => {
    await fleet?.stop();
    await router?.stop();
    await redis?.destroy();
  });

  const credeauCallsFor = (id: string) =>
    fleet.simulators.credeau.calls.filter((call) => (call.body as { user_id?: string } | undefined)?.user_id === id).length;

  it('makes every replica ask the vendor again, reads the old evidence ERASED, and invalidates the cache tag once', async () => {
    const id = 'erase-fleet-1';
    const answers = [];
    for (const url of urls) answers.push(await ask(url, INSIGHTS, { id }));
    // Every replica now holds the answer in memory (the first fetched it, the others read it from Redis).
    for (const url of urls) answers.push(await ask(url, INSIGHTS, { id }));
    const oldEvidence = answers[0]?.data?.customerSignals.deviceInsights.evidenceId;
    expect(oldEvidence).toEqual(expect.any(String));
    for (const answer of answers) expect(answer.data?.customerSignals.deviceInsights.evidenceId).toBe(oldEvidence);
    const callsBefore = credeauCallsFor(id);
    expect(callsBefore).toBeGreaterThan(0);
    // The answers carry the customer's cache tag, as Apollo Router's response cache reads it.
    const entity = await ask(urls[1] as string, ENTITY, { r: [{ __typename: 'Customer', id }] });
    const tag = (entity.extensions?.apolloEntityCacheTags as string[][])[0]?.[0];
    expect(tag).toMatch(/^signals-customer-[0-9a-f]{32}$/);

    const erased = await ask(urls[0] as string, ERASE, { id });
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.eraseCustomerSignals).toMatchObject({
      replicasReached: 3, replicasAcknowledged: 3, routerInvalidation: 'SENT',
    });
    expect(erased.data?.eraseCustomerSignals.storeEntries).toBeGreaterThanOrEqual(1);
    expect(erased.data?.eraseCustomerSignals.evidenceRecords).toBeGreaterThanOrEqual(1);
    expect(router.calls).toEqual([
      { headers: expect.objectContaining({ authorization: ROUTER_KEY }), body: [{ kind: 'cache_tag', subgraphs: ['signals'], cache_tag: tag }] },
    ]);

    // No replica serves the erased answer: each answers with new evidence, and Credeau was asked again.
    for (const url of urls) {
      const next = await ask(url, INSIGHTS, { id });
      expect(next.data?.customerSignals.deviceInsights.evidenceId).toEqual(expect.any(String));
      expect(next.data?.customerSignals.deviceInsights.evidenceId).not.toBe(oldEvidence);
    }
    expect(credeauCallsFor(id)).toBeGreaterThan(callsBefore);

    const evidence = await ask(urls[2] as string, EVIDENCE, { ids: [oldEvidence] });
    expect(evidence.data?.signalEvidence).toEqual([{ id: oldEvidence, status: 'ERASED', customerId: null, body: null }]);
    // The erasure itself is in the access log, beside the reads before it.
    let fields: string[] = [];
    await until(async () => {
      const log = await ask(urls[1] as string, ACCESS_LOG, { id });
      fields = (log.data?.signalAccessLog ?? []).map((entry: { field: string }) => entry.field);
      return fields.includes('Mutation.eraseCustomerSignals');
    }, 'the erasure in the access log');
    expect(fields).toContain('Customer.deviceInsights');
  });

  it('never stores an answer whose vendor call was in flight during the erasure', async () => {
    const id = 'erase-fleet-in-flight';
    const release = fleet.simulators.credeau.holdAnswers();
    let inFlight: ReturnType<typeof ask>;
    try {
      inFlight = ask(urls[1] as string, INSIGHTS, { id });
      await until(() => credeauCallsFor(id) > 0, 'the call in flight at Credeau');
      const erased = await ask(urls[0] as string, ERASE, { id });
      expect(erased.data?.eraseCustomerSignals.replicasAcknowledged).toBe(3);
    } finally {
      release();
    }
    const answer = await inFlight;
    // Served to the operation that asked before the erasure, but with no evidence kept for it...
    expect(answer.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    expect(answer.data?.customerSignals.deviceInsights.evidenceId).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'EVIDENCE_UNAVAILABLE', retryable: false });
    // ...and stored nowhere: every replica's next query goes to Credeau again.
    const callsAfterErasure = credeauCallsFor(id);
    await ask(urls[2] as string, INSIGHTS, { id });
    expect(credeauCallsFor(id)).toBeGreaterThan(callsAfterErasure);
  });
});
