/**
 * What V8 holds for a value kept in level 1, in bytes: the figure SIGNALS_MEMORY_CACHE_MAX_BYTES is
 * counted in. Modelled on Node's 64-bit V8 without pointer compression (Node's own builds) and calibrated
 * against heap deltas after gc (`node --expose-gc dist/bench/memory-per-entry.js`, README "Memory model"):
 * every reference is an 8-byte slot in its container; small integers live in the slot, other numbers in a
 * 16-byte box; a string is a 16-byte header and its characters (1 byte each when all are Latin-1, else 2),
 * padded to 8; an object a 24-byte header and at least 4 in-object slots; an array a 32-byte JSArray and a
 * 16-byte backing store header. Property names are shared through hidden classes and cost nothing per value.
 * An object in dictionary mode (a prototype-less one, as the mappers build name -> value sets, or one with
 * more properties than a hidden class describes) keeps a hash table of 3 slots per entry instead.
 */
const SLOT = 8;
const HEAP_NUMBER = 16;
const STRING_HEADER = 16;
const OBJECT_HEADER = 24;
const OBJECT_MIN_SLOTS = 4;
const ARRAY_HEADER = 32;
const BACKING_STORE_HEADER = 16;
/** A JSDate keeps its value and the cached calendar fields beside it (measured: 112). */
const DATE_BYTES = 112;
/** An empty Set or Map: the object and its first hash table (measured: 152); each entry adds its slots. */
const COLLECTION_BYTES = 152;
const COLLECTION_ENTRY_SLOTS = 3;
/** A dictionary-mode object: its header and the hash table's (measured: 88 + 24 per bucket). */
const DICTIONARY_BYTES = 88;
const DICTIONARY_ENTRY_SLOTS = 3;
/** V8's kMaxNumberOfDescriptors: more named properties than this never fit a hidden class. */
const MAX_FAST_PROPERTIES = 1020;

/**
 * JSON.parse internalizes string values up to this length (measured): one copy per process however many
 * entries hold it, as are the constants the mappers use (statuses). Such strings cost an entry nothing.
 */
const SHARED_STRING_MAX_LENGTH = 10;

const pad = (bytes: number) => Math.ceil(bytes / SLOT) * SLOT;

/** A string's own heap bytes (not the slot that refers to it). */
export function stringHeapBytes(text: string): number {
  // eslint-disable-next-line no-control-regex -- Latin-1 is exactly what V8 stores one byte per character
  const perChar = /[^\u0000-\u00ff]/.test(text) ? 2 : 1;
  return STRING_HEADER + pad(perChar * text.length);
}

/**
 * A value's own heap bytes, everything it refers to included, not the slot that refers to it. Values
 * shared with other entries (a name table) must be left out by the caller.
 */
export function heapBytes(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? 0 : HEAP_NUMBER;
    case 'string':
      return value.length <= SHARED_STRING_MAX_LENGTH ? 0 : stringHeapBytes(value);
    case 'bigint':
      return HEAP_NUMBER;
    case 'object':
      return value === null ? 0 : objectHeapBytes(value);
    default:
      // undefined, booleans: shared oddballs; functions and symbols are not data a store keeps.
      return 0;
  }
}

function objectHeapBytes(value: object): number {
  if (value instanceof Date) return DATE_BYTES;
  if (Array.isArray(value)) {
    let bytes = ARRAY_HEADER + (value.length === 0 ? 0 : BACKING_STORE_HEADER + SLOT * value.length);
    for (const item of value as unknown[]) bytes += heapBytes(item);
    return bytes;
  }
  if (value instanceof Set || value instanceof Map) {
    let bytes = COLLECTION_BYTES + COLLECTION_ENTRY_SLOTS * SLOT * value.size;
    for (const [key, item] of value.entries() as IterableIterator<[unknown, unknown]>) bytes += (value instanceof Map ? heapBytes(key) : 0) + heapBytes(item);
    return bytes;
  }
  const keys = Object.keys(value);
  let bytes = 0;
  for (const key of keys) bytes += heapBytes((value as Record<string, unknown>)[key]);
  if (Object.getPrototypeOf(value) === null || keys.length > MAX_FAST_PROPERTIES) {
    return bytes + DICTIONARY_BYTES + DICTIONARY_ENTRY_SLOTS * SLOT * dictionaryCapacity(keys.length);
  }
  return bytes + OBJECT_HEADER + SLOT * Math.max(OBJECT_MIN_SLOTS, keys.length);
}

/** V8's HashTable::ComputeCapacity: room for half as many again, a power of two, at least 4. */
function dictionaryCapacity(entries: number): number {
  return Math.max(4, 2 ** Math.ceil(Math.log2(Math.max(1, entries + (entries >> 1)))));
}
