import type { Server, ServerResponse } from 'node:http';

/**
 * The HTTP half of a graceful stop, in the order that answers everyone: stop accepting connections, let
 * the requests in flight write their answers, and close sockets only after that. (Apollo's drain plugin
 * destroys sockets at the end of its grace period, before operations whose vendor work is aborted at that
 * moment can write their coded errors: their clients saw connection resets.)
 */
export interface HttpDrain {
  /**
   * Closes the listener and idle keep-alive sockets; every answer from now on carries
   * `Connection: close`, so each busy socket closes once its answer is written.
   */
  stopAccepting(): void;
  /** Resolves true once no request is in flight, or false when `withinMs` passed first. */
  settled(withinMs: number): Promise<boolean>;
  /** The last step: destroys whatever socket is still open. */
  closeAll(): void;
}

export function trackHttpDrain(server: Server): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  const idleWaiters = new Set<() => void>();
  let closing = false;

  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (closing) closeAfterAnswer(res);
    // 'close' comes once the answer is written, or the client went away: either way it is over.
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) for (const wake of idleWaiters) wake();
    });
  });

  return {
    stopAccepting() {
      closing = true;
      server.close();
      for (const res of inFlight) closeAfterAnswer(res);
      server.closeIdleConnections();
    },
    settled(withinMs) {
      if (inFlight.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (drained: boolean) => {
          clearTimeout(timer);
          idleWaiters.delete(wake);
          resolve(drained);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), withinMs);
        idleWaiters.add(wake);
      });
    },
    closeAll() {
      server.closeAllConnections();
    },
  };
}
