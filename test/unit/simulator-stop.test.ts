import { CredeauSimulator } from '../../src/simulators/credeau/credeau.simulator';

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('a stopped simulator', () => {
  it('leaves no latency timer behind (a hung vendor wait would keep the jest worker alive)', async () => {
    const credeau = new CredeauSimulator();
    await credeau.start();
    const before = timers();
    credeau.latencyMs = 120_000; // hung
    const request = fetch(`${credeau.url}/api/anything`).catch(() => undefined);
    while (credeau.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(timers()).toBeGreaterThan(before);
    await credeau.stop();
    await request;
    // The client's own timers (undici keep-alive) may linger briefly; the two-minute wait must not.
    for (let i = 0; i < 100 && timers() > before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
