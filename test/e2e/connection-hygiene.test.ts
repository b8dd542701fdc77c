import { connect, type Socket } from 'node:net';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

interface Probe {
  socket: Socket;
  connectedAt: number;
  closedAt?: number;
  received: string;
}

/** Opens a raw TCP connection to the subgraph and records when it connected, closed and what it read. */
function open(url: string): Promise<Probe> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const probe: Probe = { socket, connectedAt: 0, received: '' };
    socket.on('data', (chunk) => (probe.received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset is one way of being closed
    socket.on('close', () => (probe.closedAt = Date.now()));
    socket.once('connect', () => {
      probe.connectedAt = Date.now();
      resolve(probe);
    });
    socket.once('error', reject);
  });
}

async function until(condition: () => boolean | Promise<boolean>, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const connections = (subgraph: TestSubgraph) =>
  new Promise<number>((resolve, reject) => subgraph.server.httpServer.getConnections((error, count) => (error ? reject(error) : resolve(count))));

/**
 * Issue 19 item 7: idle and half-sent connections are closed on time, and SERVER_MAX_CONNECTIONS caps
 * the open connections. Raw sockets (node:net), because an HTTP client would either send a whole request
 * or hide the connection behind its pool.
 */
describe('connection hygiene', () => {
  describe('with SERVER_HEADERS_TIMEOUT_MS=2000', () => {
    let subgraph: TestSubgraph;
    const probes: Probe[] = [];
    beforeAll(async () => {
      subgraph = await startTestSubgraph({ SERVER_HEADERS_TIMEOUT_MS: '2000' });
    });
    afterAll(async () => {
      for (const probe of probes) probe.socket.destroy();
      await subgraph.stop();
    });

    it('closes 200 idle and half-sent connections within 5 s of their opening', async () => {
      for (let i = 0; i < 200; i += 1) {
        const probe = await open(subgraph.url);
        // Every other one starts a request and never finishes its headers (a slowloris).
        if (i % 2 === 1) probe.socket.write('POST /graphql HTTP/1.1\r\nHost: subgraph\r\nContent-Type: application/json\r\n');
        probes.push(probe);
      }
      await until(() => probes.every((probe) => probe.closedAt !== undefined), 10_000);
      const openTooLong = probes.filter((probe) => probe.closedAt === undefined || probe.closedAt - probe.connectedAt > 5000);
      expect(openTooLong).toHaveLength(0);
      // A half-sent request is told why (408) where a connection that sent nothing is just closed.
      expect(probes.filter((probe, i) => i % 2 === 1 && probe.received.startsWith('HTTP/1.1 408')).length).toBeGreaterThan(0);
    });

    it('keeps an idle keep-alive connection for SERVER_KEEP_ALIVE_TIMEOUT_MS (65 s), past the headers timeout and Node\'s 5 s default', async () => {
      const probe = await open(subgraph.url);
      probes.push(probe);
      const request = 'GET /health/live HTTP/1.1\r\nHost: subgraph\r\n\r\n';
      probe.socket.write(request);
      await until(() => probe.received.includes('{"status":"ok"}'), 5000);
      expect(probe.received).toMatch(/^HTTP\/1\.1 200/);
      expect(probe.received).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);
      // Idle for longer than both SERVER_HEADERS_TIMEOUT_MS (2 s) and Node's default keep-alive (5 s).
      await new Promise((resolve) => setTimeout(resolve, 6000));
      expect(probe.closedAt).toBeUndefined();
      probe.received = '';
      probe.socket.write(request);
      await until(() => probe.received.includes('{"status":"ok"}'), 5000);
      expect(probe.received).toMatch(/^HTTP\/1\.1 200/);
    });

    it('still serves a client that sends its request in time', async () => {
      const res = await fetch(`${subgraph.url}/health/live`);
      expect(res.status).toBe(200);
    });
  });

  describe('with SERVER_MAX_CONNECTIONS=20', () => {
    let subgraph: TestSubgraph;
    const probes: Probe[] = [];
    beforeAll(async () => {
      // Timeouts far above the test's length: only the cap may close a connection here.
      subgraph = await startTestSubgraph({ SERVER_MAX_CONNECTIONS: '20', SERVER_HEADERS_TIMEOUT_MS: '120000', SERVER_REQUEST_TIMEOUT_MS: '120000' });
    });
    afterAll(async () => {
      for (const probe of probes) probe.socket.destroy();
      await subgraph.stop();
    });

    it('refuses connection 21 while 20 are open, and accepts again once they close', async () => {
      for (let i = 0; i < 20; i += 1) probes.push(await open(subgraph.url));
      await until(async () => (await connections(subgraph)) === 20, 5000);
      expect(await connections(subgraph)).toBe(20);

      const extra = await open(subgraph.url);
      await until(() => extra.closedAt !== undefined, 5000);
      expect(extra.closedAt).toBeDefined();
      expect(extra.received).toBe('');
      expect(probes.filter((probe) => probe.closedAt !== undefined)).toHaveLength(0);

      // The 20 are real connections: one of them gets an answer.
      const [first] = probes as [Probe];
      first.socket.write('GET /health/live HTTP/1.1\r\nHost: subgraph\r\nConnection: close\r\n\r\n');
      await until(() => first.closedAt !== undefined, 5000);
      expect(first.received).toMatch(/^HTTP\/1\.1 200/);

      for (const probe of probes) probe.socket.destroy();
      await until(async () => (await connections(subgraph)) === 0, 5000);
      const res = await fetch(`${subgraph.url}/health/live`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
    });
  });
});
