import type { GraphQLResolveInfo } from 'graphql';
import type { Freshness } from '../store/stored-entry';

/** What Apollo's cache-control plugin adds to `info` (its types live in a package we do not depend on). */
interface CacheControlInfo {
  cacheControl?: { setCacheHint(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void };
}

/** Sets a field's cache hint; a no-op when the schema runs without Apollo's cache-control plugin. */
export function setCacheHint(info: GraphQLResolveInfo, maxAge: number): void {
  (info as GraphQLResolveInfo & CacheControlInfo).cacheControl?.setCacheHint({ maxAge, scope: 'PRIVATE' });
}

/**
 * Resolves a vendor field and hints its remaining freshness: `maxAge` = seconds left in the store's
 * window (0 for answers never stored, and for stale answers: no cache may keep those), scope PRIVATE
 * (one customer's data), so a router's response cache cannot outlive the vendor policy.
 */
export async function withFreshnessHint<T extends Freshness>(info: GraphQLResolveInfo, answer: Promise<T>): Promise<T> {
  const value = await answer;
  setCacheHint(info, value.stale ? 0 : Math.max(0, Math.floor((value.freshUntil - Date.now()) / 1000)));
  return value;
}
