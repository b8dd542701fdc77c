import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * Reads a response body as UTF-8 text, or answers undefined (and stops reading) once it passes
 * `maxBytes`, so a misbehaving vendor cannot make us buffer an unbounded body. `signal` bounds the read:
 * a body that stalls is destroyed with the signal's reason when it aborts (the attempt's timeout or the
 * operation's deadline), so the read rejects instead of waiting on a socket that sends nothing.
 */
export async function readCappedBody(
  body: Readable & { dump(): Promise<void> },
  headers: IncomingHttpHeaders,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body.dump().catch(() => undefined);
    return undefined;
  }
  signal?.throwIfAborted();
  const onAbort = () => body.destroy(signal?.reason instanceof Error ? signal.reason : new Error('body read aborted'));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        body.destroy();
        return undefined;
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks, size).toString('utf8');
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
