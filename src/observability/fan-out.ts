/**
 * The listeners of one kind of event, for the process-wide event hubs (vendor calls, governance, the
 * store, the ledger). A listener that throws is isolated: observing something must never fail it, and
 * one broken observer must not keep the others from hearing.
 */
export class FanOut<Args extends unknown[]> {
  private readonly listeners: Array<(...args: Args) => void> = [];

  add(listener: (...args: Args) => void): void {
    this.listeners.push(listener);
  }

  emit(...args: Args): void {
    for (const listener of this.listeners) {
      try {
        listener(...args);
      } catch {
        // An observer's fault is its own.
      }
    }
  }
}
