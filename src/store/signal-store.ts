import type { StoreConfig, StoredProduct } from '../config';
import { VendorError, type VendorName } from '../errors';
import { errorForTransportFailure } from '../datasources/http/classify-failure';
import { sleep, WorkCancelledError, type Deadline } from '../datasources/http/deadline';
import { SingleFlight } from '../datasources/single-flight';
import { MemoryLevel } from './memory-level';
import { SharedNameTables } from './name-tables';
import { RedisLevel } from './redis-level';
import { SealedBox } from './sealed-box';
import type { SharedRedis } from './shared-redis';
import type { Compacted, StoreDescriptor } from './store-descriptor';
import type { LookupResult, StoreEvents } from './store-events';
import { customerTagOf, StoreKeys } from './store-keys';
import type { StoredEntry } from './stored-entry';
import { storable, type EvidenceStamp } from '../datasources/evidence-sink';
import { readStoredHeader, writeStoredHeader } from './stored-header';

export interface SignalStoreOptions {
  config: Readonly<StoreConfig>;
  /** The process's Redis connection; without it the store is level 1 only. */
  redis?: SharedRedis;
  /** The key everything written to Redis is sealed with (SIGNALS_STORE_KEY). */
  storeKeyBase64?: string;
  events: StoreEvents;
  /** Budget of one shared fetch, independent of the operation that started it (OPERATION_TIMEOUT_MS). */
  fetchBudgetMs: number;
  /**
   * How long an erasure keeps refusing to store answers whose fetch began before it (ERASURE_MARKER_TTL_MS):
   * in Redis (the marker) and in this process's memory.
   */
  erasureMarkerTtlMs: number;
}

/** An answer from the store or the vendor, and whether it came from the store. */
export interface StoreAnswer<V> {
  entry: StoredEntry<V>;
  fromCache: boolean;
  /** Served past the caller's freshness because the vendor failed (`maxStale`); never when fresh. */
  stale: boolean;
  /** The evidence of the vendor answer served: the entry's id, or why there is none. */
  evidence: EvidenceStamp;
}

/** What one vendor fetch hands the store: the value, its evidence stamp, and when the call began. */
export interface Fetched<V> {
  value: V;
  evidence: EvidenceStamp;
  /** Epoch ms the fetch started: an erasure of the customer after it means the value is never kept. */
  fetchStartedAt: number;
}

/** A fetch the store runs once for everyone asking: `budget` bounds it, not any one caller. */
export type StoreFetch<V> = (budget: Deadline) => Promise<Fetched<V>>;

/** How old an answer one caller accepts. */
export interface Acceptable {
  /** How old a stored answer may be to count as fresh (the field's `maxAge`); 0: ask the vendor now. */
  maxAgeMs: number | undefined;
  /**
   * When the vendor fails: how long past its freshness window a settled stored answer may still be served,
   * marked stale (the field's `maxStale`); undefined: never, the failure is the answer.
   */
  maxStaleMs: number | undefined;
}

/**
 * The shared signal store behind every vendor loader. Per key (one customer and the arguments that
 * change the vendor's answer): memory, then Redis, then the vendor, once. What must stay true:
 * - One vendor call per key and freshness window: concurrent callers in this process share one fetch
 *   (SingleFlight); across replicas, the one holding the Redis claim fetches while the others poll
 *   Redis for its result, and take the claim over if it expires (the fetching replica died). Looking in
 *   Redis and claiming are one round trip (RedisLevel.lookupOrClaim), and so is each poll.
 * - The vendor's answer goes to the waiting callers as soon as it (and its evidence stamp) is there;
 *   compacting, sealing and the Redis write come after, still under the claim, so other replicas wait for
 *   the value rather than asking the vendor again. A failed write never fails or delays that answer.
 * - Each caller waits on its own deadline; the shared fetch runs on its own budget.
 * - Redis is never needed for an answer: any Redis failure (down, slow, garbage) is a miss and the vendor
 *   is asked, with a warning at most once a minute.
 * - Only settled answers are kept (the descriptor says which), never errors.
 * - Settled answers are kept SIGNALS_STALE_RETENTION_MS past their window (memory and Redis), but a
 *   lookup for a fresh answer treats them as misses: they are served only when the vendor fails and the
 *   caller asked for it (`maxStaleMs`), and then marked stale. `maxStaleMs` never changes the key, the
 *   flight or the vendor call: callers differing only in it share one fetch.
 */
export class SignalStore {
  readonly memory: MemoryLevel;
  /** Names of entries: customer input only as keyed hashes (see StoreKeys). */
  readonly keys: StoreKeys;
  private readonly redis: RedisLevel | undefined;
  private readonly tables = new Map<StoredProduct, SharedNameTables>();
  private readonly flights = new Map<VendorName, SingleFlight<StoreAnswer<unknown>>>();

  constructor(private readonly options: SignalStoreOptions) {
    this.memory = new MemoryLevel(options.config.memoryMaxBytes, options.erasureMarkerTtlMs);
    this.keys = new StoreKeys(options.storeKeyBase64);
    if (options.redis && options.storeKeyBase64) {
      this.redis = new RedisLevel(options.redis, new SealedBox(options.storeKeyBase64));
    }
  }

  /** For the start-up log. */
  get mode(): 'memory only' | 'memory + redis' {
    return this.redis ? 'memory + redis' : 'memory only';
  }

  /** The product's freshness window; 0 = not stored. */
  ttlFor(product: StoredProduct): number {
    const ttlMs = this.options.config.ttlMs[product];
    // Config has a window for every stored product its vendors declare: a name without one is a typo.
    if (ttlMs === undefined) throw new Error(`product "${product}" has no freshness window: no vendor declares it a stored product`);
    return ttlMs;
  }

  /**
   * The answer for `key`: from memory, Redis or (once for everyone asking) `fetch`. `accept.maxAgeMs`
   * bounds how old a stored answer may be (0: ask the vendor now); when the vendor fails, a settled
   * answer at most `accept.maxStaleMs` past its window is served instead, marked stale. `deadline`
   * bounds only this caller's wait.
   */
  async load<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    accept: Acceptable,
    fetch: StoreFetch<V>,
    deadline: Deadline,
  ): Promise<StoreAnswer<V>> {
    try {
      return await this.loadFresh(descriptor, key, accept.maxAgeMs, fetch, deadline);
    } catch (error) {
      // Only a vendor's failure is bridged (not a client that went away): the stale answer or, without one, the failure.
      if (accept.maxStaleMs === undefined || !(error instanceof VendorError) || deadline.signal.reason instanceof WorkCancelledError) throw error;
      const kept = await this.staleEntry(descriptor, key, accept.maxStaleMs);
      if (!kept) throw error;
      this.options.events.staleServed({ vendor: descriptor.vendor, product: descriptor.product });
      return { entry: kept, fromCache: true, stale: true, evidence: evidenceOf(kept) };
    }
  }

  private async loadFresh<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    maxAgeMs: number | undefined,
    fetch: StoreFetch<V>,
    deadline: Deadline,
  ): Promise<StoreAnswer<V>> {
    const startedAt = Date.now();
    if (maxAgeMs !== 0) {
      const kept = this.memory.get<V>(key);
      if (kept && fresh(kept, maxAgeMs)) {
        this.emit(descriptor, 'hit_memory', startedAt);
        return { entry: kept, fromCache: true, stale: false, evidence: evidenceOf(kept) };
      }
    }
    // Callers accepting different ages cannot share a Redis read, so they do not share a flight.
    const flightKey = `${key}\u0000${maxAgeMs ?? ''}`;
    const answer = await this.flightsOf(descriptor.vendor).run(
      flightKey,
      (budget, early) => this.fill(descriptor, key, maxAgeMs, fetch, budget, startedAt, early as Answer<V>),
      deadline,
    );
    return answer as StoreAnswer<V>;
  }

  /**
   * One key's fill, for everyone in this process asking: Redis (one round trip per look: the value, or
   * the claim), else the vendor. `answer` hands the vendor's answer to the waiters before it is kept.
   */
  private async fill<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    maxAgeMs: number | undefined,
    fetch: StoreFetch<V>,
    budget: Deadline,
    startedAt: number,
    answer: Answer<V>,
  ): Promise<StoreAnswer<V>> {
    const redis = this.redis;
    if (!redis || maxAgeMs === 0) {
      this.emit(descriptor, 'miss', startedAt);
      return this.fetchAndKeep(descriptor, key, fetch, budget, false, answer);
    }
    let token: Buffer | undefined;
    try {
      // After Redis showed a value this caller cannot use (too old for it, unreadable), the claim is tried whatever it holds.
      let claimEvenIfPresent = false;
      for (;;) {
        const readStartedAt = Date.now();
        const looked = await redis.lookupOrClaim(key, this.options.config.claimTtlMs, claimEvenIfPresent);
        const found = looked.plaintext && (await this.entryFrom(descriptor, key, looked.plaintext, (candidate) => fresh(candidate, maxAgeMs), readStartedAt));
        if (found) {
          if (looked.token) redis.release(key, looked.token).catch(() => undefined);
          this.emit(descriptor, 'hit_redis', startedAt);
          return { entry: found, fromCache: true, stale: false, evidence: evidenceOf(found) };
        }
        // The claim was taken in the same step as the look: no usable value can have landed in between.
        if (looked.token) {
          token = looked.token;
          break;
        }
        if (looked.present && !claimEvenIfPresent) {
          claimEvenIfPresent = true;
          continue;
        }
        await this.pause(descriptor, budget);
      }
    } catch (error) {
      if (budget.expired()) throw errorForTransportFailure(descriptor.vendor, budget.signal.reason, 'deadline');
      redis.warn('signal store: redis failed, answering from the vendor', error);
      this.emit(descriptor, 'error', startedAt);
      return this.fetchAndKeep(descriptor, key, fetch, budget, false, answer);
    }
    this.emit(descriptor, 'miss', startedAt);
    const claimed = token;
    // Renewed while the fetch runs and its answer is kept, so only a dead replica's claim expires.
    const renewal = setInterval(() => {
      redis.renew(key, claimed, this.options.config.claimTtlMs).catch(() => undefined);
    }, Math.max(10, Math.floor(this.options.config.claimTtlMs / 3)));
    renewal.unref();
    try {
      return await this.fetchAndKeep(descriptor, key, fetch, budget, true, answer);
    } finally {
      clearInterval(renewal);
      // Released only once the value is in Redis: until then other replicas wait for it, not the vendor.
      redis.release(key, claimed).catch(() => undefined);
    }
  }

  private async pause(descriptor: StoreDescriptor<unknown>, budget: Deadline): Promise<void> {
    try {
      await sleep(this.options.config.pollIntervalMs, budget.signal);
    } catch (reason) {
      throw errorForTransportFailure(descriptor.vendor, reason, 'deadline');
    }
  }

  /**
   * Asks the vendor, hands the answer to the waiters (`answer`), then keeps it: compacted, sealed and
   * written to Redis (`writeRedis`), then memory. Keeping never fails or delays the answer given: its
   * failures are warnings (Redis) or dropped.
   */
  private async fetchAndKeep<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    fetch: StoreFetch<V>,
    budget: Deadline,
    writeRedis: boolean,
    answer: Answer<V>,
  ): Promise<StoreAnswer<V>> {
    const { value, evidence, fetchStartedAt } = await fetch(budget);
    const retrievedAt = Date.now();
    const evidenceId = 'evidenceId' in evidence ? evidence.evidenceId : undefined;
    // An answer whose evidence is missing (ledger down, customer erased meanwhile) is served once, never kept.
    const { windowMs, retainMs } = storable(evidence) ? this.keepFor(descriptor, value) : { windowMs: 0, retainMs: 0 };
    const expiresAt = retrievedAt + Math.max(0, windowMs);
    const served: StoreAnswer<V> = { entry: { value, retrievedAt, expiresAt, evidenceId }, fromCache: false, stale: false, evidence };
    answer(served);
    if (windowMs <= 0) return served;
    try {
      await this.keep(descriptor, key, { value, retrievedAt, expiresAt, evidenceId }, retainMs, fetchStartedAt, writeRedis);
    } catch (error) {
      this.redis?.warn('signal store: an answer could not be kept', error);
    }
    return served;
  }

  /** Keeps a fresh vendor answer: Redis (with its erasure guard) when `writeRedis`, then this process's memory. */
  private async keep<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    fetched: StoredEntry<V>,
    retainMs: number,
    fetchStartedAt: number,
    writeRedis: boolean,
  ): Promise<void> {
    const compacted = descriptor.compact(fetched.value, this.tablesOf(descriptor.product));
    const entry: StoredEntry<V> = { ...fetched, value: compacted.kept };
    // Redis first: its script refuses the write when the customer was erased after this fetch began, and
    // then this replica's memory must not keep it either.
    const written = writeRedis && this.redis ? await this.writeRedis(descriptor, key, entry, compacted, retainMs, fetchStartedAt) : 'skipped';
    if (written !== 'erased' && !this.erasedSince(key, fetchStartedAt)) this.memory.set(key, entry, compacted.bytes, retainMs);
  }

  /** How long an answer is fresh, and how much longer it is kept to be served stale (settled answers only). */
  private keepFor<V>(descriptor: StoreDescriptor<V>, value: V): { windowMs: number; retainMs: number } {
    const window = this.ttlFor(descriptor.product);
    switch (descriptor.settledness(value)) {
      case 'settled':
        return { windowMs: window, retainMs: this.retentionMs(window) };
      case 'no-data':
        return { windowMs: Math.min(window, this.options.config.negativeTtlMs), retainMs: 0 };
      default:
        return { windowMs: 0, retainMs: 0 };
    }
  }

  /** Nothing is retained for a product that is not stored at all. */
  private retentionMs(windowMs: number): number {
    return windowMs > 0 ? this.options.config.staleRetentionMs : 0;
  }

  /**
   * A settled answer at most `maxStaleMs` past its window, from memory or Redis; undefined when there is
   * none (or Redis fails: then the vendor's failure stands).
   */
  private async staleEntry<V>(descriptor: StoreDescriptor<V>, key: string, maxStaleMs: number): Promise<StoredEntry<V> | undefined> {
    const servable = (entry: { expiresAt: number }) => Date.now() <= entry.expiresAt + maxStaleMs;
    const kept = this.memory.getStale<V>(key);
    if (kept && servable(kept) && descriptor.settledness(kept.value) === 'settled') return kept;
    // Not here, or too old: another replica may have stored a newer answer since.
    const redis = this.redis;
    if (!redis) return undefined;
    try {
      const found = await this.readRedisEntry(descriptor, key, servable);
      return found && descriptor.settledness(found.value) === 'settled' ? found : undefined;
    } catch (error) {
      redis.warn('signal store: redis failed, no stored answer to serve stale', error);
      return undefined;
    }
  }

  /**
   * Best effort: a failed write costs other replicas a vendor call, never this answer. A customer's entry
   * is written with its erasure guard and indexed for erasure; `erased` when the customer was erased
   * after `fetchStartedAt`.
   */
  private async writeRedis<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    entry: StoredEntry<V>,
    compacted: Compacted<V>,
    retainMs: number,
    fetchStartedAt: number,
  ): Promise<'stored' | 'erased' | 'failed'> {
    const redis = this.redis as RedisLevel;
    try {
      const tables = this.tablesOf(descriptor.product);
      for (const table of compacted.tables) await tables.publish(table);
      const body = compacted.plaintext ?? descriptor.serialize(entry.value);
      // Redis keeps it for the window plus the retention; the header's expiry still says when it stops being fresh.
      const plaintext = Buffer.concat([writeStoredHeader(entry), body]);
      const ttlMs = entry.expiresAt + retainMs - Date.now();
      const tag = customerTagOf(key);
      if (tag === undefined) throw new Error('a stored entry key without its customer tag');
      return await redis.setForCustomer(key, plaintext, ttlMs, tag, fetchStartedAt);
    } catch (error) {
      redis.warn('signal store: redis write failed', error);
      return 'failed';
    }
  }

  /** Whether this process saw the key's customer erased at or after `instant` (a fetch's start, a read's). */
  private erasedSince(key: string, instant: number): boolean {
    const tag = customerTagOf(key);
    const erasedAt = tag === undefined ? undefined : this.memory.erasedSince(tag);
    return erasedAt !== undefined && erasedAt >= instant;
  }

  /**
   * Erases one customer from the store: this process's memory, then Redis (the marker that refuses late
   * writes of calls in flight, every indexed entry and claim). Other replicas' memory is the erasure bus's
   * job (src/erasure/erasure-bus.ts, calling `forgetCustomer`). Rejects when Redis fails: the erasure is
   * then incomplete and must be retried. Counts Redis entries when there is Redis (each is also at most
   * one memory entry per replica), this process's memory entries otherwise.
   */
  async eraseCustomer(customerId: string, erasedAt: number): Promise<{ customerTag: string; storeEntries: number }> {
    const customerTag = this.keys.hide(customerId);
    const inMemory = this.memory.deleteCustomer(customerTag, erasedAt);
    if (!this.redis) return { customerTag, storeEntries: inMemory };
    const inRedis = await this.redis.eraseCustomer(customerTag, erasedAt, this.options.erasureMarkerTtlMs);
    return { customerTag, storeEntries: inRedis };
  }

  /** Drops one customer from this process's memory (an erasure made on another replica); how many entries. */
  forgetCustomer(customerTag: string, erasedAt: number): number {
    return this.memory.deleteCustomer(customerTag, erasedAt);
  }

  /** The entry Redis holds for `key` when `wanted` accepts its times; copied into memory for the same keeping time. */
  private async readRedisEntry<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    wanted: (candidate: { retrievedAt: number; expiresAt: number }) => boolean,
  ): Promise<StoredEntry<V> | undefined> {
    const readStartedAt = Date.now();
    const plaintext = await (this.redis as RedisLevel).get(key);
    return plaintext && this.entryFrom(descriptor, key, plaintext, wanted, readStartedAt);
  }

  /**
   * The entry in `plaintext` (read from Redis for `key` at `readStartedAt`) when `wanted` accepts its
   * times; copied into memory for the same keeping time. Unreadable values are undefined (misses).
   */
  private async entryFrom<V>(
    descriptor: StoreDescriptor<V>,
    key: string,
    plaintext: Buffer,
    wanted: (candidate: { retrievedAt: number; expiresAt: number }) => boolean,
    readStartedAt: number,
  ): Promise<StoredEntry<V> | undefined> {
    const redis = this.redis as RedisLevel;
    const header = readStoredHeader(plaintext);
    if (!header) return undefined;
    const { retrievedAt, expiresAt, evidenceId } = header;
    if (!wanted({ retrievedAt, expiresAt })) return undefined;
    let compacted: Compacted<V> | undefined;
    try {
      compacted = await descriptor.deserialize(plaintext.subarray(header.bytes), this.tablesOf(descriptor.product));
    } catch (error) {
      redis.warn('signal store: unreadable value in redis, treated as a miss', error);
      return undefined;
    }
    if (!compacted) return undefined;
    const entry: StoredEntry<V> = { value: compacted.kept, retrievedAt, expiresAt, evidenceId };
    const settled = descriptor.settledness(entry.value) === 'settled';
    // Read just before an erasure deleted it: served to this caller, never copied into memory.
    if (!this.erasedSince(key, readStartedAt)) this.memory.set(key, entry, compacted.bytes, settled ? this.retentionMs(this.ttlFor(descriptor.product)) : 0);
    return entry;
  }

  private tablesOf(product: StoredProduct): SharedNameTables {
    let tables = this.tables.get(product);
    if (!tables) this.tables.set(product, (tables = new SharedNameTables(product, this.redis)));
    return tables;
  }

  private flightsOf(vendor: VendorName): SingleFlight<StoreAnswer<unknown>> {
    let flights = this.flights.get(vendor);
    if (!flights) this.flights.set(vendor, (flights = new SingleFlight(vendor, this.options.fetchBudgetMs)));
    return flights;
  }

  private emit(descriptor: StoreDescriptor<unknown>, result: LookupResult, startedAt: number): void {
    this.options.events.lookup({ vendor: descriptor.vendor, product: descriptor.product, result, durationMs: Date.now() - startedAt });
  }

  clear(): void {
    this.memory.clear();
  }
}

/** Hands a fill's answer to everyone waiting on its flight, before it is kept. */
type Answer<V> = (answer: StoreAnswer<V>) => void;

/** A stored entry names its evidence; one without an id was stored while evidence was disabled. */
function evidenceOf(entry: StoredEntry<unknown>): EvidenceStamp {
  return entry.evidenceId === undefined ? { gap: 'disabled' } : { evidenceId: entry.evidenceId };
}

function fresh(entry: { retrievedAt: number; expiresAt: number }, maxAgeMs: number | undefined): boolean {
  const now = Date.now();
  return entry.expiresAt > now && (maxAgeMs === undefined || now - entry.retrievedAt <= maxAgeMs);
}
