import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendGraphQLError } from './graphql-error-response';

/**
 * Lets through only requests carrying the router's shared secret in `header` (Apollo's guidance: a
 * subgraph accepts traffic from its router only). Mounted on /graphql alone: the health probes and the
 * metrics listener stay open to the platform. Both sides are hashed first so the comparison takes the same
 * time whatever the length or content of what was sent.
 */
export function routerSecretMiddleware(secret: string, header: string): RequestHandler {
  const expected = digest(secret);
  return (req, res, next) => {
    const sent = req.headers[header];
    const value = Array.isArray(sent) ? sent[0] : sent;
    if (value !== undefined && timingSafeEqual(digest(value), expected)) {
      next();
      return;
    }
    sendGraphQLError(res, 401, 'UNAUTHENTICATED', `Missing or wrong ${header} header: this subgraph answers its router only`);
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
