/**
 * Whether `value` serialized as JSON (UTF-8) would take more than `limit` bytes, found by walking it with
 * an explicit stack and stopping as soon as the running total passes the limit: measuring never builds
 * the string it measures, and no nesting depth can overflow the call stack. Follows JSON.stringify's
 * rules (toJSON, undefined and functions dropped from objects and null in arrays, non-finite numbers null);
 * string escapes are counted for `"`, `\` and control characters, the ones a GraphQL answer carries.
 */
export function jsonExceeds(value: unknown, limit: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    total += sizeOfShallow(stack.pop(), stack);
    if (total > limit) return true;
  }
  return false;
}

// eslint-disable-next-line no-control-regex
const ESCAPED = /["\\\u0000-\u001f]/g;

/** `"`, `\\` and \b \f \n \r \t take two characters; other control characters six (\u00XX). */
const SHORT_ESCAPES = new Set(['"', '\\', '\b', '\f', '\n', '\r', '\t']);

function stringSize(text: string): number {
  let size = Buffer.byteLength(text, 'utf8') + 2;
  for (const [escaped] of text.matchAll(ESCAPED)) size += SHORT_ESCAPES.has(escaped) ? 1 : 5;
  return size;
}

/** Bytes of `value` itself (brackets, separators, keys, primitives); its children are pushed on `stack`. */
function sizeOfShallow(input: unknown, stack: unknown[]): number {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return stringSize(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      return String(value).length;
    case 'object':
      break;
    default:
      return 4; // undefined or a function in an array: null
  }
  if (value === null) return 4;
  if (Array.isArray(value)) {
    for (const item of value) stack.push(item);
    return 2 + Math.max(0, value.length - 1);
  }
  let size = 2;
  let members = 0;
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || typeof member === 'function') continue;
    size += stringSize(key) + 1;
    members += 1;
    stack.push(member);
  }
  return size + Math.max(0, members - 1);
}
