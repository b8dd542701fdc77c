import type { Logger } from './logger';

/**
 * Gives the log destination at most `withinMs` to write what it holds, then resolves whatever it did:
 * the exit path must never wait for a flush that cannot finish (stdout a stalled or broken pipe).
 */
export function flushLogs(logger: Logger, withinMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, withinMs);
    timer.unref();
    try {
      logger.flush(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
