import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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

  it('keeps a page of answers waiting without Node warning of a listener leak', async () => {
    // Node's warning goes to the real process's stderr, which jest's sandbox does not show: the built
    // simulator runs in a child of its own (`npm test` builds first).
    const script = `
      const { CredeauSimulator } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'src', 'simulators', 'credeau', 'credeau.simulator.js'))});
      (async () => {
        const credeau = new CredeauSimulator();
        await credeau.start();
        credeau.latencyMs = 120000;
        const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
        const requests = Array.from({ length: 20 }, () => fetch(credeau.url + '/api/anything').catch(() => undefined));
        while (process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length < before + 20) await new Promise((r) => setTimeout(r, 10));
        await credeau.stop();
        await Promise.all(requests);
        await new Promise((r) => setImmediate(r));
        console.log('answers waited: 20');
      })();`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(child.stdout).toContain('answers waited: 20');
    expect(child.stderr).not.toContain('MaxListenersExceededWarning');
  });
});
