import type { ApolloServerPlugin } from '@apollo/server';
import { setCacheHint } from '../resolvers/cache-hint';

/**
 * Longest hint given to fields that carry no vendor data of their own (`customerSignals`, `_entities`,
 * lists and objects inside a vendor result): the response's policy is the minimum over its fields, so
 * the vendor fields' own hints (remaining freshness) decide it. Without this, Apollo's default (0 for
 * every object field) would make every response uncacheable.
 */
const STRUCTURAL_MAX_AGE_S = 86_400;

/**
 * Cache hints without an SDL directive: every field returning an object or list starts at the structural
 * hint, PRIVATE; vendor field resolvers then replace it with their remaining freshness
 * (src/resolvers/cache-hint.ts). Must be listed before ApolloServerPluginCacheControl: Apollo calls
 * willResolveField hooks in reverse order, and that plugin's hook creates `info.cacheControl`. A response with errors is `no-store` (Apollo's rule).
 */
export function cacheHintsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              setCacheHint(info, STRUCTURAL_MAX_AGE_S);
            },
          };
        },
      };
    },
  };
}
