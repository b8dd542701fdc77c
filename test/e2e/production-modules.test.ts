import { simulatorLiveEnv } from '../../bench/lib/vendor-env';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    // No evidence ledger: these tests are about the modules production loads, not about evidence.
    EVIDENCE_DISABLED: 'true',
    METRICS_PORT: '0',
    ...simulatorLiveEnv(simulators),
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
