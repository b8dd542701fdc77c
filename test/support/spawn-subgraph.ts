import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'index.js');

export interface SpawnedSubgraph {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the GraphQL URL from the start-up log line. */
  ready: Promise<string>;
}

/**
 * Runs the built server (`npm test` builds first) as `npm start` would, with only the given environment
 * (plus PATH), so nothing from the test process leaks into its configuration.
 */
export function spawnSubgraph(env: Record<string, string>): SpawnedSubgraph {
  const child = spawn(process.execPath, [ENTRY], {
    // PORT and METRICS_PORT 0: a developer's running `npm start` holds the defaults 4001 and 9464.
    env: { PATH: process.env.PATH ?? '', APOLLO_TELEMETRY_DISABLED: '1', PORT: '0', METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /"url":"([^"]+)".*"msg":"customer-signals-subgraph ready"/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready: ${err}`)));
  });
  ready.catch(() => undefined);
  return { child, stdout: () => out, stderr: () => err, exited, ready };
}
