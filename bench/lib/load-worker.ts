import autocannon from 'autocannon';
import type { LoadBody, LoadResult, LoadSpec, WorkerMessage } from './load-protocol';

/**
 * Runs in its own process (forked by load.ts): autocannon's event loop must not share a core's time
 * slices with the simulators in the runner, nor with the server under test.
 */
process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => send({ kind: 'result', result }),
    (error: unknown) => send({ kind: 'failure', message: (error as Error)?.stack ?? String(error) }),
  );
});

function send(message: WorkerMessage): void {
  process.send?.(message, () => process.disconnect());
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  let graphqlErrors = 0;
  let firstGraphqlError: string | undefined;
  let missOperations = 0;
  let missErrors = 0;
  let firstMissError: string | undefined;
  // autocannon hands setupRequest and onResponse the connection's context; one request in flight per
  // connection (no pipelining), so the answer read here is to the request that set `miss`.
  const onResponse = (status: number, body: string, context: OperationContext) => {
    if (status < 200 || status >= 300) return;
    const errors = body.includes('"errors"');
    if (context.miss) {
      missOperations++;
      if (errors) missErrors++;
      if (errors) firstMissError ??= describeFirstError(body);
      return;
    }
    if (!errors) return;
    graphqlErrors++;
    firstGraphqlError ??= describeFirstError(body);
  };

  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...spec.headers },
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.durationSec ?? 10 }),
    ...(spec.overallRate !== undefined ? { overallRate: spec.overallRate } : {}),
    timeout: spec.timeoutSec,
    requests: [{ setupRequest: bodyMaker(spec.body), onResponse }],
  });

  const answered = result['2xx'];
  const okOperations = answered - graphqlErrors - missOperations;
  return {
    okOperations,
    durationSec: result.duration,
    opsPerSec: okOperations / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    ...(firstGraphqlError !== undefined ? { firstGraphqlError } : {}),
    missOperations,
    missErrors,
    ...(firstMissError !== undefined ? { firstMissError } : {}),
  };
}

/** What a connection remembers about the request it is waiting on. */
interface OperationContext {
  miss?: boolean;
}

/**
 * autocannon's setupRequest hook: a body per request, so fresh ids are fresh for every operation. It
 * marks the connection's context when the operation is one of `misses`, for onResponse to count apart.
 */
function bodyMaker(spec: LoadBody): (request: autocannon.Request, context: OperationContext) => autocannon.Request {
  if (spec.kind === 'fixed') return (request) => ({ ...request, body: spec.body });
  let sequence = 0;
  const head = JSON.stringify(spec.query);
  const misses = spec.misses;
  return (request, context) => {
    const operation = sequence++;
    // The first miss halfway through the first `every` operations, so a short run at a low rate sees one.
    const miss = misses !== undefined && operation % misses.every === Math.floor(misses.every / 2);
    context.miss = miss;
    const representations: string[] = [];
    for (let i = 0; i < spec.perOperation; i++) {
      const id = miss
        ? `${misses.idPrefixes[i % misses.idPrefixes.length]}-${spec.idPrefix}-${operation}-${i}`
        : `${spec.idPrefix}-${operation}-${i}`;
      representations.push(`{"__typename":"Customer","id":"${id}"}`);
    }
    return { ...request, body: `{"query":${head},"variables":{"representations":[${representations.join(',')}]}}` };
  };
}

function describeFirstError(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    const first = parsed.errors?.[0];
    return `${first?.extensions?.code ?? 'NO_CODE'}: ${first?.message ?? ''}`.slice(0, 300);
  } catch {
    return 'unreadable response body';
  }
}
