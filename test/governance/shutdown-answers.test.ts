import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CREDEAU_SIMULATOR_CREDENTIALS } from '../../src/simulators/credeau/credeau.simulator';
import { spawnSubgraph, type SpawnedSubgraph } from '../support/spawn-subgraph';

const SHUTDOWN_TIMEOUT_MS = 1500;
const OPERATIONS = 5;

/** What one client got: the parsed JSON answer, or the transport failure (a reset) it saw instead. */
type Received = { status: number; body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> } } | { failure: string };

describe('SIGTERM with operations waiting on a hung vendor', () => {
  /** A hung vendor on a real socket: takes every request and never answers (no timer left behind). */
  let credeau: Server;
  let arrivals = 0;
  let server: SpawnedSubgraph | undefined;

  beforeEach(async () => {
    arrivals = 0;
    credeau = createServer(() => arrivals++);
    await new Promise<void>((resolve) => credeau.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    server = undefined;
    credeau.closeAllConnections();
    await new Promise((resolve) => credeau.close(resolve));
  });

  function start(): SpawnedSubgraph {
    server = spawnSubgraph({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
      CREDEAU_BASE_URL: `http://127.0.0.1:${(credeau.address() as AddressInfo).port}`,
      CREDEAU_CLIENT_ID: CREDEAU_SIMULATOR_CREDENTIALS.clientId,
      CREDEAU_AUTH_TOKEN: CREDEAU_SIMULATOR_CREDENTIALS.authToken,
      CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_TIMEOUT_MS: '60000',
      OPERATION_TIMEOUT_MS: '60000',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      SHUTDOWN_READINESS_DELAY_MS: '0',
    });
    return server;
  }

  /** Sends OPERATIONS queries and waits until every one of them is waiting on the vendor. */
  async function operationsWaitingOnVendor(url: string): Promise<Array<Promise<Received>>> {
    const answers = Array.from({ length: OPERATIONS }, (_, i) =>
      fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ customerSignals(id: "hung-${i}") { deviceInsights { status } } }` }),
      }).then(
        async (response): Promise<Received> => ({ status: response.status, body: (await response.json()) as never }),
        (error: Error & { cause?: { code?: string } }): Received => ({ failure: error.cause?.code ?? error.message }),
      ),
    );
    while (arrivals < OPERATIONS) await new Promise((resolve) => setTimeout(resolve, 20));
    return answers;
  }

  function expectCodedAnswers(received: Received[]): void {
    expect(received.filter((r) => 'failure' in r)).toEqual([]);
    for (const answer of received) {
      if ('failure' in answer) continue;
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ customerSignals: { deviceInsights: null } });
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: expect.stringMatching(/^VENDOR_/), vendor: 'CREDEAU' });
    }
  }

  it('aborts the vendor work first: all 5 get a complete JSON answer with a coded error, none a reset', async () => {
    const subgraph = start();
    const answers = await operationsWaitingOnVendor(await subgraph.ready);
    subgraph.child.kill('SIGTERM');
    const received = await Promise.all(answers);
    expect(await subgraph.exited).toBe(0);
    expect(received).toHaveLength(OPERATIONS);
    expectCodedAnswers(received);
  });

  it('with stdout a closed pipe, still answers them and exits within SHUTDOWN_TIMEOUT_MS + 2 s', async () => {
    const subgraph = start();
    const url = await subgraph.ready;
    // The log reader goes away: every later log line meets a broken pipe (EPIPE).
    subgraph.child.stdout?.destroy();
    const answers = await operationsWaitingOnVendor(url);
    const signalledAt = Date.now();
    subgraph.child.kill('SIGTERM');
    const code = await subgraph.exited;
    const exitedAt = Date.now();
    expect(code).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThanOrEqual(SHUTDOWN_TIMEOUT_MS + 2000);
    expectCodedAnswers(await Promise.all(answers));
  });
});

describe('the production logger with stdout a closed pipe', () => {
  it('lets a process that logs and exits at once exit (no flush that can never finish)', async () => {
    // Two lines: the first write is in flight when the second is queued, then the process exits at once.
    // pino's default destination flushed the queue synchronously on exit, retrying the broken pipe forever.
    const logger = JSON.stringify(join(__dirname, '..', '..', 'dist', 'src', 'logger.js'));
    const script = `const l = require(${logger}).createLogger('info', []);
      setTimeout(() => { l.info('one'); l.info('two'); process.exit(0); }, 100);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Generous: it exits in well under a second; before the fix it never did.
    const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      const code = await exited;
      expect({ code, signal: child.signalCode, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    } finally {
      clearTimeout(stuck);
    }
  });
});
