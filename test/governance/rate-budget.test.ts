import { SlidingLog } from '../../src/governance/sliding-log';
import { mostCallsInAnyWindow } from '../support/call-windows';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const aliases = (ids: string[], body: (id: string) => string) =>
  `{ ${ids.map((id, i) => `c${i}: customerSignals(id: "${id}") { ${body(id)} }`).join(' ')} }`;

describe('the sliding-window log behind every budget', () => {
  it('never lets more than N arrive in any window, wherever it starts, however late after admission calls arrive', () => {
    const clock = { now: 0 };
    const log = new SlidingLog(20, 2000, () => clock.now);
    const arrivals: Array<{ at: number }> = [];
    const out: Array<{ end: number; release(): void }> = [];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // 50 callers every 10 ms for 10 s; each admitted call is out 0-800 ms and reaches the vendor anywhere
    // in that time (a busy machine). A log stamped at admission would let up to 40 arrive in one window.
    for (clock.now = 0; clock.now < 10_000; clock.now += 10) {
      for (const call of out.filter((c) => c.end <= clock.now)) {
        call.release();
        out.splice(out.indexOf(call), 1);
      }
      for (let i = 0; i < 50; i++) {
        const answer = log.take(30_000);
        if (!answer.admitted) {
          expect(answer.waitMs).toBeGreaterThan(0);
          continue;
        }
        const duration = Math.floor(random() * 800);
        arrivals.push({ at: clock.now + Math.floor(random() * duration) });
        out.push({ end: clock.now + duration, release: () => answer.slot.release() });
      }
    }
    expect(mostCallsInAnyWindow(arrivals, 2000)).toBeLessThanOrEqual(20);
    expect(arrivals.length).toBeGreaterThanOrEqual(80);
  });

  it('a share of 0 never admits and says to look again later', () => {
    const answer = new SlidingLog(0, 2000).take(1000);
    expect(answer).toEqual({ admitted: false, waitMs: 2000 });
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
