import { randomBytes } from 'node:crypto';

/**
 * The router secret as a deployment runs it: every server the bench starts requires it (ROUTER_SECRET),
 * and every request the bench sends carries it (runLoad and post add it), so the measured path includes
 * that guard. Made for this run only and never printed; a request without it would get 401 and fail its
 * scenario (requireCleanLoad), so a forgotten header cannot go unnoticed.
 */
const HEADER = 'router-authorization';
const SECRET = randomBytes(32).toString('base64url');

/** The servers' environment: the secret required on /graphql (the production default header). */
export function routerSecretEnv(): Record<string, string> {
  return { ROUTER_SECRET: SECRET, ROUTER_SECRET_HEADER: HEADER };
}

/** The header every GraphQL request of the bench carries, as Apollo Router sends it. */
export function routerSecretHeaders(): Record<string, string> {
  return { [HEADER]: SECRET };
}
