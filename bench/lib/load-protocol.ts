/** Messages between the runner and the load worker process (plain JSON over the fork IPC channel). */

export type LoadBody =
  /** The same request body every time. */
  | { kind: 'fixed'; body: string }
  /** `_entities` of `perOperation` customers never sent before: fresh ids `<idPrefix>-<request>-<i>`. */
  | { kind: 'fresh-entities'; query: string; idPrefix: string; perOperation: number; misses?: MissOperations };

/**
 * Operations that ask for customers the vendors fail on (the simulators' scenario ids), mixed into a
 * fresh-entities load: one operation in `every` (from the `every / 2`-th on) asks for customers
 * `<idPrefixes[i % n]>-<idPrefix>-<request>-<i>` (a scenario id with a fresh suffix, so each is a store
 * miss too). Their GraphQL errors are expected:
 * they are counted apart (`missOperations`, `missErrors`), never as `graphqlErrors`.
 */
export interface MissOperations {
  every: number;
  /** e.g. `sim-not-found` (Credeau) and `sim-finbox-not-found` (FinBox). */
  idPrefixes: readonly string[];
}

export interface LoadSpec {
  /** e.g. http://127.0.0.1:40123/graphql */
  url: string;
  connections: number;
  /** Run for this long... */
  durationSec?: number;
  /** ...or until this many operations were sent (takes precedence). */
  amount?: number;
  /** Operations per second across all connections; unset means as fast as the server answers. */
  overallRate?: number;
  body: LoadBody;
  timeoutSec: number;
  /** Extra request headers; runLoad adds the router secret's header itself. */
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Operations answered with 2xx and no GraphQL `errors`. */
  okOperations: number;
  durationSec: number;
  opsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  /** Connection errors, timeouts included. */
  socketErrors: number;
  timeouts: number;
  /** 2xx answers whose body carried GraphQL `errors`. */
  graphqlErrors: number;
  /** `extensions.code` (and message) of the first GraphQL error seen, to say why a run is invalid. */
  firstGraphqlError?: string;
  /** 2xx answers to the expected-failure operations of `misses` (not in okOperations)... */
  missOperations: number;
  /** ...how many of them carried GraphQL `errors`, as they should... */
  missErrors: number;
  /** ...and the first of those errors' code, to show which failure they met. */
  firstMissError?: string;
}

export type WorkerMessage = { kind: 'result'; result: LoadResult } | { kind: 'failure'; message: string };
