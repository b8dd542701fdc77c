import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSubgraph } from '../support/spawn-subgraph';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Every line of a stream as JSON: fails the test on any line that is not. */
function jsonLines(text: string): Array<Record<string, unknown>> {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('start-up logs (the built server)', () => {
  it('logs the version, the address as bound and the simulated vendors', async () => {
    const server = spawnSubgraph({ PORT: '0', HOST: '127.0.0.1' });
    try {
      const url = await server.ready;
      const ready = jsonLines(server.stdout()).find((line) => line.msg === 'customer-signals-subgraph ready');
      expect(ready).toMatchObject({
        level: 30,
        version: VERSION,
        address: { address: '127.0.0.1', port: Number(new URL(url).port), family: 'IPv4' },
        simulated: expect.arrayContaining(['credeau', 'finbox', 'credolab', 'neuroid']),
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('reports configuration errors as one JSON fatal line listing every problem', async () => {
    const server = spawnSubgraph({ PORT: '0', CREDEAU_TIMEOUT_MS: 'soon', METRICS_PORT: 'many', CREDEAU_CLIENT_ID: 'only-half' });
    expect(await server.exited).toBe(1);
    const lines = [...jsonLines(server.stdout()), ...jsonLines(server.stderr())];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 60, msg: 'invalid configuration', service: 'customer-signals-subgraph' });
    const problems = lines[0]?.problems as string[];
    for (const variable of ['CREDEAU_TIMEOUT_MS', 'METRICS_PORT', 'CREDEAU_AUTH_TOKEN']) {
      expect(problems.some((problem) => problem.startsWith(variable))).toBe(true);
    }
    expect(server.stderr()).not.toContain('only-half');
  });
});
