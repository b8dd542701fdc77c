import SonicBoom from 'sonic-boom';

/**
 * stdout as the log destination, written asynchronously, that can never hold the process hostage.
 * pino's default destination registers a synchronous flush on process exit, and that flush retries a
 * write to a broken pipe forever: with stdout a closed pipe (a log shipper that died, `| head`) a
 * process that logs just before `process.exit` never exits. This one registers no exit flush (callers
 * that want the last lines out use `flushLogs`, which is bounded), and on its first write error
 * (EPIPE, EBADF, ...) it stops writing for good: logs are lost, the process goes on serving and can stop.
 */
export function stdoutDestination(fd = 1): SonicBoom {
  // minLength 1 writes every line at once like 0, but only with a positive minLength does SonicBoom's
  // flush(cb) wait for the writes in flight (with 0 it calls back at once, and an exit right after it
  // loses the last lines, "shut down" among them).
  const stream = new SonicBoom({ fd, sync: false, minLength: 1 });
  stream.on('error', () => {
    // A destination that failed once is not retried: the next write would fail the same way.
    stream.write = () => true;
    stream.flush = (callback?: (error?: Error) => void) => callback?.();
    stream.flushSync = () => undefined;
    stream.end = () => undefined;
  });
  return stream;
}
