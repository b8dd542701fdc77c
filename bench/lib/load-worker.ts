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
  const onResponse = (status: number, body: string) => {
    if (status < 200 || status >= 300 || !body.includes('"errors"')) return;
    graphqlErrors++;
    firstGraphqlError ??= describeFirstError(body);
  };

  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.durationSec ?? 10 }),
    ...(spec.overallRate !== undefined ? { overallRate: spec.overallRate } : {}),
    timeout: spec.timeoutSec,
    requests: [{ setupRequest: bodyMaker(spec.body), onResponse }],
  });

  const answered = result['2xx'];
  const okOperations = answered - graphqlErrors;
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
  };
}

/** autocannon's setupRequest hook: a body per request, so fresh ids are fresh for every operation. */
function bodyMaker(spec: LoadBody): (request: autocannon.Request) => autocannon.Request {
  if (spec.kind === 'fixed') return (request) => ({ ...request, body: spec.body });
  let sequence = 0;
  const head = JSON.stringify(spec.query);
  return (request) => {
    const operation = sequence++;
    const representations: string[] = [];
    for (let i = 0; i < spec.perOperation; i++) {
      representations.push(`{"__typename":"Customer","id":"${spec.idPrefix}-${operation}-${i}"}`);
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
