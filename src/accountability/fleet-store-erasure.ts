import type { ErasureBus } from '../erasure/erasure-bus';
import type { SignalStore } from '../store/signal-store';
import type { StoreErasure } from './customer-erasure';

/**
 * The store's side of an erasure across the fleet: this process's memory and Redis (SignalStore), then
 * every other replica's memory through the erasure bus, with how many replicas heard and confirmed it.
 * Without Redis there is one replica: this one.
 */
export class FleetStoreErasure implements StoreErasure {
  constructor(
    private readonly store: SignalStore,
    private readonly bus: ErasureBus | undefined,
  ) {}

  async eraseCustomer(customerId: string): Promise<{ storeEntries: number; replicasReached: number; replicasAcknowledged: number }> {
    const erasedAt = Date.now();
    const { customerTag, storeEntries } = await this.store.eraseCustomer(customerId, erasedAt);
    const fleet = this.bus ? await this.bus.broadcast(customerTag, erasedAt) : { replicasReached: 1, replicasAcknowledged: 1 };
    return { storeEntries, ...fleet };
  }
}
