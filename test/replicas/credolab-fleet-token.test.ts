import { CREDOLAB_SIMULATOR_CREDENTIALS, type CredolabSimulator } from '../../src/simulators/credolab/credolab.simulator';
import { newStoreKey, readyRedisState, until } from '../store/redis-support';
import { RedisProcess } from '../support/redis-process';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const CREDOLAB_NOW = `query($id: ID!) { customerSignals(id: $id) { credolabScore(maxAge: 0) { status } } }`;

/**
 * Two subgraphs in this process on one Redis, both live against the first one's Credolab simulator: the
 * fleet token seen from the inside, and what happens when Redis goes away (the process logs in itself).
 */
describe('the fleet Credolab token on one Redis, and without it', () => {
  let redis: RedisProcess;
  let first: TestSubgraph;
  let second: TestSubgraph;
  let credolab: CredolabSimulator;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    const shared = { REDIS_URL: redis.url, SIGNALS_STORE_KEY: newStoreKey(), REDIS_TIMEOUT_MS: '200' };
    const live = (url: string) => ({
      ...shared,
      CREDOLAB_BASE_URL: url,
      CREDOLAB_EMAIL: CREDOLAB_SIMULATOR_CREDENTIALS.email,
      CREDOLAB_PASSWORD: CREDOLAB_SIMULATOR_CREDENTIALS.password,
    });
    first = await startTestSubgraph((simulators) => live(simulators.credolab.url));
    credolab = first.simulators.credolab;
    second = await startTestSubgraph(() => live(credolab.url));
    for (const subgraph of [first, second]) await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph on redis');
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await redis?.destroy();
  });
  beforeEach(() => credolab.resetCalls());

  it('the second process uses the token the first logged in with; a 401 on both is one re-login', async () => {
    expect((await first.query(CREDOLAB_NOW, { id: 'token-a1' })).errors).toBeUndefined();
    expect((await second.query(CREDOLAB_NOW, { id: 'token-b1' })).errors).toBeUndefined();
    expect(credolab.loginCount).toBe(1);

    credolab.resetCalls();
    credolab.expireAllTokens();
    const answers = await Promise.all([
      first.query(CREDOLAB_NOW, { id: 'token-a2' }),
      second.query(CREDOLAB_NOW, { id: 'token-b2' }),
    ]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(credolab.loginCount).toBe(1);
    // Both rejected the same token, then both sent the new one.
    const bearers = credolab.calls.filter((call) => call.path.endsWith('/datasetinsight')).map((call) => call.headers['authorization']);
    expect(new Set(bearers.slice(-2)).size).toBe(1);
  });

  it('with Redis down each process logs in on its own and still answers (never an outage)', async () => {
    await redis.stop();
    try {
      credolab.expireAllTokens();
      const answers = await Promise.all([
        first.query(CREDOLAB_NOW, { id: 'token-a3' }),
        second.query(CREDOLAB_NOW, { id: 'token-b3' }),
      ]);
      expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
      expect(credolab.loginCount).toBe(2);
    } finally {
      await redis.start();
    }
    // Back without a restart: the next expiry is again one login for both.
    for (const subgraph of [first, second]) await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph back on redis');
    credolab.resetCalls();
    credolab.expireAllTokens();
    expect((await first.query(CREDOLAB_NOW, { id: 'token-a4' })).errors).toBeUndefined();
    expect((await second.query(CREDOLAB_NOW, { id: 'token-b4' })).errors).toBeUndefined();
    expect(credolab.loginCount).toBe(1);
  });
});
