import { CREDEAU_SIMULATOR_CREDENTIALS, CredeauSimulator } from '../../src/simulators/credeau/credeau.simulator';
import { spawnSubgraph } from '../support/spawn-subgraph';

describe('SIGTERM with a hung vendor', () => {
  it('readiness turns 503 first, then the process exits within SHUTDOWN_TIMEOUT_MS + 1 s', async () => {
    const credeau = new CredeauSimulator();
    await credeau.start();
    credeau.latencyMs = 120_000; // hung: answers nothing for two minutes
    const server = spawnSubgraph({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
      CREDEAU_BASE_URL: credeau.url,
      CREDEAU_CLIENT_ID: CREDEAU_SIMULATOR_CREDENTIALS.clientId,
      CREDEAU_AUTH_TOKEN: CREDEAU_SIMULATOR_CREDENTIALS.authToken,
      CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_TIMEOUT_MS: '60000',
      SHUTDOWN_TIMEOUT_MS: '1500',
      SHUTDOWN_READINESS_DELAY_MS: '400',
    });
    try {
      const url = await server.ready;
      const ready = url.replace('/graphql', '/health/ready');
      expect((await fetch(ready)).status).toBe(200);
      const inFlight = fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ customerSignals(id: "hung-1") { deviceInsights { status } } }' }),
      }).catch(() => undefined);
      while (credeau.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await fetch(ready)).status).toBe(503);
      const code = await server.exited;
      const exitedAt = Date.now();
      await inFlight;
      expect(code).toBe(0);
      expect(exitedAt - signalledAt).toBeLessThanOrEqual(400 + 1500 + 1000);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await credeau.stop();
    }
  });
});
