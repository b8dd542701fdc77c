import type { RequestHandler, Response } from 'express';
import type { SecurityConfig } from '../config/security.config';
import type { Logger } from '../logger';
import { createJwtVerifier, jwtMiddleware, principalFrom } from './jwt-verifier';
import type { Principal } from './principal';
import { requireJsonBody } from './request-body-guard';
import { routerSecretMiddleware } from './router-secret';

/**
 * The Cache-Control of every answer that must not be stored (errors, refusals, `fraudCheck`, anything with
 * no freshness left). `no-store` alone is not enough: Hive Gateway's response cache ignores a bare
 * `no-store` and honours `max-age=0`; `private` keeps shared caches out for the ones that read only that.
 */
export const UNCACHEABLE = 'private, no-store, max-age=0';

export interface GraphqlGate {
  /** Handlers for /graphql before the body is parsed: router secret, then JWT, then content type. */
  before: RequestHandler[];
  /** The verified caller of a request that passed; undefined without JWT verification. */
  principalFrom(res: Response): Principal | undefined;
}

/**
 * Everything a request must pass before Apollo sees it, in order (after marking the answer uncacheable): the router secret (a caller that is not
 * the router learns nothing else), the forwarded JWT, a JSON content type. Health probes, GraphiQL's page
 * and metrics are mounted elsewhere and pass none of these.
 */
export function graphqlGate(config: SecurityConfig, logger: Logger): GraphqlGate {
  // Answers hold personal data: no shared cache (a CDN, a proxy) may keep one. Every answer starts
  // uncacheable; Apollo's cache-control plugin (calculateHttpHeaders 'if-cacheable') replaces this only on
  // an error-free answer whose fields all have freshness left: `max-age=<remaining>, private`.
  const before: RequestHandler[] = [
    (_req, res, next) => {
      res.setHeader('cache-control', UNCACHEABLE);
      next();
    },
  ];
  if (config.routerSecret) before.push(routerSecretMiddleware(config.routerSecret, config.routerSecretHeader));
  if (config.jwt) before.push(jwtMiddleware(createJwtVerifier(config.jwt), logger));
  before.push(requireJsonBody());
  return { before, principalFrom: (res) => (config.jwt ? principalFrom(res) : undefined) };
}
