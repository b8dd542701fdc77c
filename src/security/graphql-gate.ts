import type { RequestHandler, Response } from 'express';
import type { SecurityConfig } from '../config/security.config';
import type { Logger } from '../logger';
import { createJwtVerifier, jwtMiddleware, principalFrom } from './jwt-verifier';
import type { Principal } from './principal';
import { requireJsonBody } from './request-body-guard';
import { routerSecretMiddleware } from './router-secret';

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
  // Answers hold personal data: no shared cache (a CDN, a proxy) may keep one. Apollo's cache-control
  // plugin then sets `no-store` on the answers it sends (no hints); this covers the refusals before it.
  const before: RequestHandler[] = [
    (_req, res, next) => {
      res.setHeader('cache-control', 'private, no-store');
      next();
    },
  ];
  if (config.routerSecret) before.push(routerSecretMiddleware(config.routerSecret, config.routerSecretHeader));
  if (config.jwt) before.push(jwtMiddleware(createJwtVerifier(config.jwt), logger));
  before.push(requireJsonBody());
  return { before, principalFrom: (res) => (config.jwt ? principalFrom(res) : undefined) };
}
