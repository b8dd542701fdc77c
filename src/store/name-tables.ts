import { createHash } from 'node:crypto';
import type { StoredProduct } from '../config';
import type { NameTable } from '../types/feature-set';
import type { RedisLevel } from './redis-level';
import { nameTableKey } from './store-keys';

/** Distinct tables kept per process: a vendor changes its feature list rarely; more means a bug. */
const MAX_TABLES = 64;
/** A table is written to Redis again at most this often (Redis may have restarted empty meanwhile). */
const REPUBLISH_MS = 60_000;
/** Tables outlive every entry that refers to them. */
const TABLE_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Name tables shared by every stored customer of a product (Credeau's ~3000 feature names): once per
 * process in memory and once in Redis (sealed like everything else), named by a hash of the names.
 */
export class SharedNameTables {
  private readonly tables = new Map<string, NameTable>();
  private readonly publishedAt = new Map<string, number>();
  private lastInterned: NameTable | undefined;

  constructor(
    private readonly product: StoredProduct,
    private readonly redis: RedisLevel | undefined,
  ) {}

  /** The table of exactly these names, in this order: the one already known, or a new one. */
  intern(names: readonly string[]): NameTable {
    // Nearly every customer has the last customer's names: comparing them (the same parsed key strings,
    // mostly) is far cheaper than joining and hashing ~75 KB of names per cold customer.
    const last = this.lastInterned;
    if (last && sameNames(last.names, names)) return last;
    const hash = createHash('sha256').update(names.join('\u0000')).digest('hex').slice(0, 32);
    const table = this.tables.get(hash) ?? this.remember({ hash, names: [...names], index: indexOf(names) });
    this.lastInterned = table;
    return table;
  }

  /** The table named `hash`, from memory or Redis; undefined when neither has it (the entry is a miss). */
  async resolve(hash: string): Promise<NameTable | undefined> {
    const known = this.tables.get(hash);
    if (known || !this.redis) return known;
    const plaintext = await this.redis.get(nameTableKey(this.product, hash));
    if (!plaintext) return undefined;
    const names = JSON.parse(plaintext.toString('utf8')) as unknown;
    if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) return undefined;
    const table = this.intern(names as string[]);
    return table.hash === hash ? table : undefined;
  }

  /** Makes sure Redis holds `table` before an entry referring to it is written. */
  async publish(table: NameTable): Promise<void> {
    if (!this.redis) return;
    const last = this.publishedAt.get(table.hash) ?? Number.NEGATIVE_INFINITY;
    if (Date.now() - last < REPUBLISH_MS) return;
    await this.redis.set(nameTableKey(this.product, table.hash), Buffer.from(JSON.stringify(table.names), 'utf8'), TABLE_TTL_MS);
    this.publishedAt.set(table.hash, Date.now());
  }

  private remember(table: NameTable): NameTable {
    if (this.tables.size >= MAX_TABLES) {
      const oldest = this.tables.keys().next().value as string;
      this.tables.delete(oldest);
      this.publishedAt.delete(oldest);
    }
    this.tables.set(table.hash, table);
    return table;
  }
}

function sameNames(known: readonly string[], names: readonly string[]): boolean {
  if (known.length !== names.length) return false;
  for (let at = 0; at < names.length; at++) if (known[at] !== names[at]) return false;
  return true;
}

function indexOf(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((name, at) => index.set(name, at));
  return index;
}
