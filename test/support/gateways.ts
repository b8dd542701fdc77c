import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { parse } from 'graphql';
import type { GraphQLResponse } from './harness';

/** The two gateways the subgraph is served behind in the suite; `describe.each(GATEWAY_KINDS)`. */
export const GATEWAY_KINDS = ['apollo', 'hive'] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

export interface SubgraphEntry {
  name: string;
  /** The subgraph's GraphQL endpoint, e.g. http://127.0.0.1:40123/graphql */
  url: string;
  sdl: string;
}

/** One gateway in process on port 0, asked over real HTTP like a client would. */
export interface RunningGateway {
  kind: GatewayKind;
  /** e.g. http://127.0.0.1:40124/graphql */
  url: string;
  /** POSTs an operation as `application/json` and answers the status and the parsed body. */
  post(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<{ status: number; body: GraphQLResponse }>;
  /** The body alone (any status). */
  query(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** Composes the supergraph with @apollo/composition, as Apollo's tooling (rover, GraphOS) would. */
export function composeSupergraph(subgraphs: readonly SubgraphEntry[]): string {
  const composition = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (composition.errors) throw new Error(composition.errors.map((error) => error.message).join('\n'));
  return composition.supergraphSdl;
}

/**
 * @apollo/gateway refuses a supergraph whose `@link(..., for: SECURITY)` features (@authenticated,
 * @requiresScopes) it cannot enforce. Apollo Router enforces them; the subgraph enforces the scopes again
 * itself (src/security/scope-guard.ts). So @apollo/gateway gets the supergraph with the SECURITY purpose
 * dropped: the directives stay, only the gateway's refusal goes. Hive Gateway accepts the supergraph as
 * composed (it enforces the directives only with its generic-auth plugin on, which the suite leaves off).
 */
export function withoutSecurityPurpose(supergraphSdl: string): string {
  return supergraphSdl.replace(/,\s*for:\s*SECURITY/g, '');
}

/** Starts the given gateway over the supergraph, listening on 127.0.0.1 port 0. */
export async function startGateway(kind: GatewayKind, supergraphSdl: string): Promise<RunningGateway> {
  const started = kind === 'apollo' ? await startApolloGateway(supergraphSdl) : await startHiveGateway(supergraphSdl);
  const post = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const response = await fetch(started.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  };
  return {
    kind,
    url: started.url,
    post,
    query: async (query, variables, operationName) => (await post(query, variables, operationName)).body,
    stop: started.stop,
  };
}

async function startApolloGateway(supergraphSdl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: withoutSecurityPurpose(supergraphSdl) }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/**
 * Hive Gateway's runtime loads its HTTP transport by package name at the first subgraph call and masks a
 * missing package as "Unexpected error.": the transport is passed explicitly. The runtime is a fetch
 * handler that node:http serves directly; it has no stop(), only dispose().
 */
async function startHiveGateway(supergraphSdl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const runtime = createGatewayRuntime({ supergraph: supergraphSdl, transports: { http: httpTransport }, logging: false });
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${runtime.graphqlEndpoint}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
