import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { freePort } from '../support/redis-process';
import { spawnSubgraph, type SpawnedSubgraph } from '../support/spawn-subgraph';

/** One Credeau and one NeuroID field: vendor calls, an operation, store lookups (stored products with a TTL). */
const QUERY = '{ customerSignals(id: "in-process-metrics-1") { deviceInsights { status } behaviorSignals { status } } }';

async function post(graphqlUrl: string, query: string): Promise<void> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  await response.text();
}

/** The family names of a Prometheus text exposition (its `# TYPE` lines). */
function families(text: string): string[] {
  return [...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] as string).sort();
}

const signalsFamilies = (text: string) => families(text).filter((name) => name.startsWith('signals_'));

async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The in-process server every other test starts (test/support/harness.ts) is the process `npm start`
 * runs: both are composed by createSubgraph, so the same metric families are registered and governance
 * reports to them.
 */
describe('an in-process test server is composed like npm start', () => {
  let inProcess: TestSubgraph | undefined;
  let spawned: SpawnedSubgraph | undefined;

  afterEach(async () => {
    await inProcess?.stop();
    inProcess = undefined;
    if (spawned) {
      spawned.child.kill('SIGTERM');
      await spawned.exited;
      spawned = undefined;
    }
  });

  it('exposes the same metric families as the spawned built server after the same query', async () => {
    // The store on, as production runs it, so both sides register store lookups too.
    const storeOn = { CREDEAU_INSIGHTS_CACHE_TTL_MS: '900000', NEUROID_CACHE_TTL_MS: '30000' };
    inProcess = await startTestSubgraph(storeOn);
    spawned = spawnSubgraph({ PORT: '0', HOST: '127.0.0.1', METRICS_PORT: String(await freePort()), METRICS_HOST: '127.0.0.1', ...storeOn });
    const spawnedGraphql = await spawned.ready;
    const metricsLine = /"url":"([^"]+\/metrics)".*"msg":"metrics listening"/.exec(spawned.stdout());
    expect(metricsLine?.[1]).toBeDefined();

    await post(`${inProcess.url}/graphql`, QUERY);
    await post(spawnedGraphql, QUERY);

    const inProcessText = await inProcess.registry.metrics();
    const scraped = await (await fetch(metricsLine?.[1] ?? '')).text();
    // Families, not values: the spawned server runs its embedded simulators at production timings.
    expect(signalsFamilies(inProcessText)).toEqual(signalsFamilies(scraped));
    expect(signalsFamilies(inProcessText)).toEqual(
      expect.arrayContaining([
        'signals_graphql_operations_total',
        'signals_vendor_requests_total',
        'signals_vendor_circuit_state',
        'signals_vendor_rate_limited_total',
      ]),
    );
    // The default process metrics too, as on the shipped /metrics.
    expect(families(inProcessText)).toEqual(expect.arrayContaining(families(scraped).filter((name) => name.startsWith('process_'))));
    // And the in-process /metrics listener serves that same registry.
    const served = await (await fetch(inProcess.metricsUrl)).text();
    expect(signalsFamilies(served)).toEqual(signalsFamilies(inProcessText));
  });

  it('reports its breakers to the circuit state metric', async () => {
    inProcess = await startTestSubgraph({ CREDEAU_BREAKER_THRESHOLD: '3', CREDEAU_BREAKER_COOLDOWN_MS: '60000', CREDEAU_INSIGHTS_MODE: 'sync' });
    const circuit = async () => {
      const text = await (inProcess as TestSubgraph).registry.metrics();
      return /^signals_vendor_circuit_state\{vendor="CREDEAU"\} (\d+)$/m.exec(text)?.[1];
    };
    expect(await circuit()).toBe('0');
    // sim-unavailable answers 500, which Credeau's policy does not retry: one failure per operation.
    for (let i = 0; i < 3; i++) {
      await inProcess.query(`{ customerSignals(id: "sim-unavailable-in-process-${i}") { deviceInsights { status } } }`);
    }
    expect(await until(circuit, (state) => state === '1')).toBe('1');
  });
});
