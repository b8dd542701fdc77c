import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { liveVendorEnv } from '../../bench/lib/vendor-env';
import { printSubgraphSdl } from '../../src/schema-sdl';
import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import { newStoreKey, untilReplicaKeeps } from '../store/redis-support';
import { CUSTOMERS_SDL, startCustomersSubgraph } from './customers-subgraph';
import { composeSupergraph, startGateway, type GatewayKind } from './gateways';
import { FAST_ENV, STORE_ON_ENV, UNHURRIED_REDIS_ENV, type GraphQLResponse } from './harness';
import { spawnSubgraph, type SpawnedSubgraph } from './spawn-subgraph';

/**
 * N built subgraph processes on one Redis (or Redis Cluster), live against ONE set of simulators in the
 * test process, behind a real in-process gateway (@apollo/gateway or Hive Gateway) composed with the
 * customers subgraph. The gateway takes one URL per subgraph, as a router does; the load balancer in
 * front of the replicas is a round-robin HTTP proxy here (a Kubernetes Service in production).
 */
export interface ReplicaFleet {
  simulators: Simulators;
  replicas: SpawnedSubgraph[];
  /** Requests the proxy sent to each replica, in replica order. */
  served: number[];
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

export interface FleetOptions {
  size: number;
  redisUrl: string;
  cluster: boolean;
  /** Overrides of the replicas' environment (FAST_ENV, the store on, every vendor live). */
  env?: Record<string, string>;
  /** The gateway in front of the fleet. */
  gateway: GatewayKind;
}

export async function startReplicaFleet(options: FleetOptions): Promise<ReplicaFleet> {
  const simulators = await startSimulators();
  const env = {
    ...FAST_ENV, ...STORE_ON_ENV, ...liveVendorEnv(simulators), LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1',
    REDIS_URL: options.redisUrl, REDIS_CLUSTER: String(options.cluster), SIGNALS_STORE_KEY: newStoreKey(), ...UNHURRIED_REDIS_ENV,
    ...options.env,
  };
  const replicas = Array.from({ length: options.size }, () => spawnSubgraph(env));
  const stopReplicas = async () => {
    for (const replica of replicas) {
      replica.child.kill('SIGTERM');
      await replica.exited;
    }
  };
  try {
    const urls = await Promise.all(replicas.map((replica) => replica.ready));
    for (const url of urls) {
      await untilReplicaKeeps(url);
    }
    const proxy = await startRoundRobinProxy(urls);
    const customers = await startCustomersSubgraph();
    const supergraphSdl = composeSupergraph([
      { name: 'customers', url: customers.url, sdl: CUSTOMERS_SDL },
      { name: 'signals', url: proxy.url, sdl: await printSubgraphSdl() },
    ]);
    const gateway = await startGateway(options.gateway, supergraphSdl);
    return {
      simulators,
      replicas,
      served: proxy.served,
      query: (query, variables) => gateway.query(query, variables),
      async stop() {
        await gateway.stop();
        await customers.stop();
        await proxy.stop();
        await stopReplicas();
        await stopSimulators(simulators);
      },
    };
  } catch (error) {
    await stopReplicas();
    await stopSimulators(simulators);
    throw error;
  }
}

/**
 * The gateway keeps idle connections to the proxy; a server closing an idle connection the client is
 * just reusing resets that request (ECONNRESET), and a starved client sees the close late. Like a load
 * balancer's idle timeout, the proxy's outlives any client's, so only the client ever closes one.
 */
const PROXY_IDLE_TIMEOUT_MS = 300_000;

/**
 * Forwards each request to the next replica in turn (node:http, port 0), counting what each served.
 * Each forwarded request has a connection of its own (`connection: close`), so no idle connection to a
 * replica is ever reused as the replica closes it.
 */
async function startRoundRobinProxy(targets: string[]): Promise<{ url: string; served: number[]; stop(): Promise<void> }> {
  const served = targets.map(() => 0);
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const index = next++ % targets.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(targets[index] as string);
    const { connection: _hopByHop, 'keep-alive': _hint, ...headers } = incoming.headers;
    const forwarded = httpRequest(
      {
        host: target.hostname, port: target.port, path: target.pathname, method: incoming.method, agent: false,
        headers: { ...headers, host: target.host, connection: 'close' },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = PROXY_IDLE_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    served,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
