/**
 * Named values held as the vendor's parsed object itself. Credeau sends ~3000 features per customer;
 * copying or re-keying them per operation would dominate the cost of a request, so lookups read the
 * parsed body directly and skip the metadata keys that sit beside the features.
 */
export class FeatureSet {
  private cachedCount: number | undefined;
  private cachedColumns: FeatureColumns | undefined;

  /**
   * `keepColumns`: the set is a fresh vendor answer that the store replaces by its compact form (or that
   * dies with its operation), so the columns one reader builds are kept for the next: `featureCount` and
   * the store's compaction then walk the body's keys once between them. Off for a set that is itself kept
   * (FinBox's predictors): it would hold its features twice.
   */
  constructor(
    private readonly source: Readonly<Record<string, unknown>>,
    private readonly excludedKeys: ReadonlySet<string> = new Set(),
    private readonly keepColumns = false,
  ) {}

  static empty(): FeatureSet {
    return new FeatureSet({});
  }

  get count(): number {
    if (this.keepColumns) return this.columns().names.length;
    if (this.cachedCount === undefined) {
      // One native pass: ~3000 keys make the parsed body a dictionary-mode object, where a for-in
      // re-checks every key and cost ~40 % more per customer (`npm run bench`, cold).
      let count = Object.keys(this.source).length;
      for (const key of this.excludedKeys) if (Object.prototype.hasOwnProperty.call(this.source, key)) count--;
      this.cachedCount = count;
    }
    return this.cachedCount;
  }

  /**
   * The features as two parallel arrays, in one pass over the body's keys: what the store's compaction
   * keeps (values as they are, names to the shared table) without a {name, value} object per feature.
   * Kept only with `keepColumns` (see the constructor).
   */
  columns(): FeatureColumns {
    if (this.cachedColumns) return this.cachedColumns;
    const keys = Object.keys(this.source);
    const names = this.excludedKeys.size === 0 ? keys : keys.filter((key) => !this.excludedKeys.has(key));
    const columns = { names, values: names.map((name) => this.source[name]) };
    if (this.keepColumns) this.cachedColumns = columns;
    return columns;
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.source, name) && !this.excludedKeys.has(name);
  }

  /** The value, or null when the feature is absent (a present feature may also be null). */
  get(name: string): unknown {
    return this.has(name) ? this.source[name] : null;
  }

  /** The named features that exist, in the order asked; all of them when `names` is omitted. */
  list(names?: readonly string[] | null): Array<{ name: string; value: unknown }> {
    if (!names) {
      const columns = this.columns();
      return columns.names.map((name, at) => ({ name, value: columns.values[at] }));
    }
    const result: Array<{ name: string; value: unknown }> = [];
    for (const name of names) if (this.has(name)) result.push({ name, value: this.source[name] });
    return result;
  }
}

/** Feature names and their values, position by position. */
export interface FeatureColumns {
  readonly names: readonly string[];
  readonly values: readonly unknown[];
}

/**
 * A shared table of feature names (Credeau's ~3000 names are the same for every customer), kept once
 * per process and once in Redis; `hash` names it in stored entries.
 */
export interface NameTable {
  hash: string;
  names: readonly string[];
  index: ReadonlyMap<string, number>;
}

/**
 * The compact form of a feature set the store keeps: per customer only the values, in the order of a
 * shared name table. Reads exactly like the parsed form (count, has, get, list).
 */
export class CompactFeatureSet extends FeatureSet {
  constructor(
    readonly table: NameTable,
    readonly values: readonly unknown[],
  ) {
    super({});
  }

  override get count(): number {
    return this.values.length;
  }

  override columns(): FeatureColumns {
    return { names: this.table.names, values: this.values };
  }

  override has(name: string): boolean {
    return this.table.index.has(name);
  }

  override get(name: string): unknown {
    const at = this.table.index.get(name);
    return at === undefined ? null : this.values[at];
  }

  override list(names?: readonly string[] | null): Array<{ name: string; value: unknown }> {
    const result: Array<{ name: string; value: unknown }> = [];
    if (!names) {
      this.table.names.forEach((name, at) => result.push({ name, value: this.values[at] }));
      return result;
    }
    for (const name of names) {
      const at = this.table.index.get(name);
      if (at !== undefined) result.push({ name, value: this.values[at] });
    }
    return result;
  }
}
