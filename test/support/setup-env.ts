// Gateways and composition must never phone home from tests.
process.env.APOLLO_TELEMETRY_DISABLED = '1';

// type-graphql's decorators need the metadata API before any GraphQL type loads; src/vendors/registry.ts
// imports it for the process, but a suite may import one vendor's descriptor (and so its resolvers) alone.
import 'reflect-metadata';

// A developer's `npm start` holds the default ports (PORT 4001, METRICS_PORT 9464) while `npm test` runs:
// a server a test starts in this process must listen on port 0. Any listen on a default port fails the
// test that made it, instead of colliding on a developer's machine.
import { Server } from 'node:net';

const DEFAULT_PORTS = new Set([4001, 9464]);
const GUARDED = Symbol.for('customer-signals.test.default-port-guard');
const prototype = Server.prototype as Server & { [GUARDED]?: true };
if (!prototype[GUARDED]) {
  const listen = prototype.listen;
  prototype.listen = function guardedListen(this: Server, ...args: unknown[]) {
    const [first] = args;
    const port = typeof first === 'object' && first !== null ? (first as { port?: unknown }).port : first;
    if (DEFAULT_PORTS.has(Number(port))) throw new Error(`a test listened on port ${String(port)}: use port 0 (a developer's npm start holds it)`);
    return (listen as (...a: unknown[]) => Server).apply(this, args);
  } as typeof prototype.listen;
  prototype[GUARDED] = true;
}
