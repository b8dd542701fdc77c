/**
 * A vendor answer as the store keeps it, with when this subgraph received it from the vendor and until
 * when it may be served (its product's window, or the shorter "no data" window).
 */
export interface StoredEntry<V> {
  value: V;
  /** Epoch ms the vendor's answer arrived. */
  retrievedAt: number;
  /** Epoch ms after which it is never served. */
  expiresAt: number;
  /**
   * The evidence ledger's id of the vendor answer this entry holds: every response served from the entry
   * names the same one. Undefined only when evidence is disabled (an answer whose evidence could not be
   * committed is never stored).
   */
  evidenceId?: string;
}

/** What a loader hands back beside every answer: where it came from and how long it stays fresh. */
export interface Freshness {
  /** When this subgraph received the answer from the vendor. */
  retrievedAt: Date;
  /** True when the answer was served from the store rather than fetched for this request. */
  fromCache: boolean;
  /**
   * True when the vendor failed and a stored answer past its freshness was served instead (the field's
   * `maxStale`); always with `fromCache`.
   */
  stale: boolean;
  /** Epoch ms until which a cache (a router's) may keep it: the store's expiry, or now when not stored or stale. */
  freshUntil: number;
}
