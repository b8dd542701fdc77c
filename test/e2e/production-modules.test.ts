import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CREDEAU_SIMULATOR_CREDENTIALS } from '../../src/simulators/credeau/credeau.simulator';
import { CREDOLAB_SIMULATOR_CREDENTIALS } from '../../src/simulators/credolab/credolab.simulator';
import { FINBOX_SIMULATOR_CREDENTIALS } from '../../src/simulators/finbox/finbox.simulator';
import { NEUROID_SIMULATOR_CREDENTIALS } from '../../src/simulators/neuroid/neuroid.simulator';
import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import { ENTRY } from '../support/spawn-subgraph';

const HOOK = join(__dirname, '..', 'support', 'loaded-modules-hook.js');

/** Production with every vendor configured (pointed at simulators the test runs, as if they were live hosts). */
function productionEnv(simulators: Simulators): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    ROUTER_SECRET_DISABLED: 'true',
    METRICS_PORT: '0',
    CREDEAU_BASE_URL: simulators.credeau.url,
    CREDEAU_CLIENT_ID: CREDEAU_SIMULATOR_CREDENTIALS.clientId,
    CREDEAU_AUTH_TOKEN: CREDEAU_SIMULATOR_CREDENTIALS.authToken,
    CREDOLAB_BASE_URL: simulators.credolab.url,
    CREDOLAB_EMAIL: CREDOLAB_SIMULATOR_CREDENTIALS.email,
    CREDOLAB_PASSWORD: CREDOLAB_SIMULATOR_CREDENTIALS.password,
    NEUROID_BASE_URL: simulators.neuroid.apiBaseUrl,
    NEUROID_API_KEY: NEUROID_SIMULATOR_CREDENTIALS.apiKey,
    NEUROID_SITE_ID: NEUROID_SIMULATOR_CREDENTIALS.siteId,
    FINBOX_BASE_URL: simulators.finbox.url,
    FINBOX_API_KEY: FINBOX_SIMULATOR_CREDENTIALS.apiKey,
    FINBOX_SERVER_HASH: FINBOX_SIMULATOR_CREDENTIALS.serverHash,
  };
}

describe('production with every vendor configured', () => {
  let simulators: Simulators;
  beforeAll(async () => {
    simulators = await startSimulators();
  });
  afterAll(() => stopSimulators(simulators));

  it('answers from the live vendors and loads no module from src/simulators/', async () => {
    const modulesFile = join(mkdtempSync(join(tmpdir(), 'signals-modules-')), 'modules.json');
    const child = spawn(process.execPath, ['--require', HOOK, ENTRY], {
      env: { PATH: process.env.PATH ?? '', APOLLO_TELEMETRY_DISABLED: '1', LOADED_MODULES_FILE: modulesFile, ...productionEnv(simulators) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /"url":"([^"]+)"/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then((code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ customerSignals(id: "prod-1") { deviceInsights { status } behaviorSignals { status } } }' }),
      });
      const body = (await response.json()) as { data?: { customerSignals: Record<string, { status: string }> } };
      expect(body.data?.customerSignals.deviceInsights?.status).toBe('COMPLETE');
      expect(out).not.toContain('simulatedVendors');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[];
    expect(loaded.some((path) => path.includes(join('dist', 'src', 'server.js')))).toBe(true);
    expect(loaded.filter((path) => path.includes(join('src', 'simulators')))).toEqual([]);
  });
});
