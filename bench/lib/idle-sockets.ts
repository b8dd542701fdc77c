import { connect, type Socket } from 'node:net';

/** What the server did with a crowd of connections that never send a whole request. */
export interface IdleSocketsOutcome {
  opened: number;
  /** Connections that failed to open (e.g. refused over a connection cap). */
  failedToOpen: number;
  /** Connections the server closed within the watch window... */
  closedByServer: number;
  /** ...by the status line it wrote first (e.g. `HTTP/1.1 408 Request Timeout`), with counts. */
  statusLines: Record<string, number>;
  /** When the last open one was closed, ms after the first connect; NaN when some stayed open. */
  lastClosedMs: number;
  stillOpen: number;
}

/**
 * Opens `count` connections to the server: half send nothing, half send the start of a request and
 * never finish its headers. Watches them for at most `watchMs` (less once the server closed them all),
 * then closes whatever is left.
 */
export async function holdIdleSockets(url: string, count: number, watchMs: number): Promise<IdleSocketsOutcome> {
  const { hostname, port, pathname } = new URL(url);
  const started = performance.now();
  const sockets: Socket[] = [];
  const closedAt: number[] = [];
  const statusLines: Record<string, number> = {};
  let failedToOpen = 0;
  let watching = true;
  let onClosed: () => void = () => {};

  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      new Promise<void>((resolve) => {
        const socket = connect({ host: hostname, port: Number(port) });
        let connected = false;
        let firstLine: string | undefined;
        socket.once('connect', () => {
          connected = true;
          sockets.push(socket);
          if (i % 2 === 1) socket.write(`POST ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\ncontent-type: application/json\r\n`);
          resolve();
        });
        socket.on('data', (chunk: Buffer) => {
          firstLine ??= chunk.toString('latin1').split('\r\n')[0];
        });
        socket.on('error', () => {
          if (connected) return;
          failedToOpen++;
          resolve();
        });
        socket.once('close', () => {
          if (!connected || !watching) return;
          closedAt.push(performance.now() - started);
          const line = firstLine ?? '(closed without an answer)';
          statusLines[line] = (statusLines[line] ?? 0) + 1;
          onClosed();
        });
      }),
    ),
  );
  const opened = sockets.length;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, watchMs);
    onClosed = () => {
      if (closedAt.length < opened) return;
      clearTimeout(timer);
      resolve();
    };
    onClosed();
  });
  watching = false;
  for (const socket of sockets) socket.destroy();
  const closedByServer = closedAt.length;
  return {
    opened,
    failedToOpen,
    closedByServer,
    statusLines,
    lastClosedMs: closedByServer === opened && opened > 0 ? Math.max(...closedAt) : Number.NaN,
    stillOpen: opened - closedByServer,
  };
}
