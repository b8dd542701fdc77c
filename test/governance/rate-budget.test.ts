import { SlidingLogLimiter } from '../../src/governance/sliding-log-limiter';
import { mostCallsInAnyWindow } from '../support/call-windows';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const aliases = (ids: string[], body: (id: string) => string) =>
  `{ ${ids.map((id, i) => `c${i}: customerSignals(id: "${id}") { ${body(id)} }`).join(' ')} }`;

describe('the sliding-window log behind every budget', () => {
  it('admits N in every window and never more than N in any window, wherever it starts', async () => {
    const clock = { now: 0 };
    const limiter = new SlidingLogLimiter(20, 2000, () => clock.now);
    const admitted: Array<{ at: number }> = [];
    // 50 callers every 10 ms for 10 s: a fixed window would admit 20 just before and 20 just after a boundary.
    for (clock.now = 0; clock.now < 10_000; clock.now += 10) {
      for (let i = 0; i < 50; i++) {
        if (await limiter.consume('v').then(() => true, () => false)) admitted.push({ at: clock.now });
      }
    }
    expect(mostCallsInAnyWindow(admitted, 2000)).toBe(20);
    expect(admitted).toHaveLength(100);
    const refusal = await limiter.consume('v').catch((res: { msBeforeNext: number }) => res);
    expect((refusal as { msBeforeNext: number }).msBeforeNext).toBeGreaterThan(0);
  });
});

describe('outbound rate budgets in one process (no Redis)', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    // A 3 s deadline: the 20/2s budget admits about 40 of 60 customers, the rest cannot get a slot in time.
    subgraph = await startTestSubgraph({ NEUROID_RATE_LIMIT: '20/2s', CREDEAU_RATE_LIMIT: '6/2s', OPERATION_TIMEOUT_MS: '3000' });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    for (const simulator of Object.values(subgraph.simulators)) simulator.resetCalls();
  });

  it('a budget of 20/2s: 60 distinct customers make no more than 20 calls in any 2 s window; each field answered or VENDOR_RATE_LIMITED', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `budget-${i}`);
    const res = await subgraph.query(aliases(ids, () => 'behaviorSignals { status }'));
    const calls = subgraph.simulators.neuroid.calls;
    expect(mostCallsInAnyWindow(calls, 2000)).toBeLessThanOrEqual(20);

    const answered = ids.filter((_, i) => res.data?.[`c${i}`]?.behaviorSignals?.status === 'COMPLETE');
    const limited = (res.errors ?? []).filter((e) => e.extensions?.code === 'VENDOR_RATE_LIMITED' && e.extensions?.vendor === 'NEUROID');
    expect(answered.length).toBeGreaterThanOrEqual(20);
    expect(limited.length).toBeGreaterThan(0);
    expect(answered.length + limited.length).toBe(60);
    expect(res.errors ?? []).toHaveLength(limited.length);
    // A refused call never reached the vendor: one call per answered field.
    expect(calls).toHaveLength(answered.length);
  });

  it("Credeau's two endpoints (insights and SMS) spend one budget", async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `shared-${i}`);
    await subgraph.query(aliases(ids, () => 'deviceInsights { status } extractedSms(first: 1) { totalCount }'));
    const calls = subgraph.simulators.credeau.calls;
    const paths = new Set(calls.map((call) => call.path.split('/').slice(0, 3).join('/')));
    expect(paths.size).toBeGreaterThanOrEqual(2);
    expect(mostCallsInAnyWindow(calls, 2000)).toBeLessThanOrEqual(6);
  });
});
