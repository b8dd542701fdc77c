/**
 * A set of distinct vendor-call keys that stops growing at `cap`. Merging key sets up through fragments
 * and fields then costs at most `cap` per merge, so the vendor-call count stays linear in the operation's
 * size. A saturated set only ever matters as "more than the limit": the cap is the limit plus one.
 */
export class CappedKeySet {
  private readonly keys = new Set<string>();
  private saturated = false;

  constructor(readonly cap: number) {}

  add(key: string): void {
    if (this.saturated || this.keys.has(key)) return;
    if (this.keys.size >= this.cap) {
      this.saturated = true;
      return;
    }
    this.keys.add(key);
  }

  /** Adds every key of `other`, each under `prefix` when given. */
  addAll(other: CappedKeySet, prefix = ''): void {
    if (other.saturated) this.saturated = true;
    for (const key of other.keys) {
      if (this.saturated) return;
      this.add(prefix + key);
    }
  }

  /** The number of distinct keys; a saturated set reports one more than its cap allows. */
  get size(): number {
    return this.saturated ? this.cap + 1 : this.keys.size;
  }
}
