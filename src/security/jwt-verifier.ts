import { createPublicKey, type KeyObject } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from '../config/security.config';
import type { Logger } from '../logger';
import { sendGraphQLError } from './graphql-error-response';
import { principalOf, type Principal } from './principal';

/** Asymmetric algorithms only: a symmetric `alg` would let anyone holding the public key mint tokens. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i;

export type VerifyBearer = (authorization: string | undefined) => Promise<Principal>;

/**
 * Verifies the `authorization: Bearer <JWT>` the router forwards: signature (JWKS fetched and cached by
 * jose, or one PEM key), `exp`/`nbf`, `iss` and `aud`. Rejects with an Error whose message is ours; the
 * token itself never appears in it.
 */
export function createJwtVerifier(config: JwtConfig): VerifyBearer {
  const key: KeyObject | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : createPublicKey(config.publicKeyPem ?? '');
  return async (authorization) => {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) throw new Error('no bearer token');
    const options = { issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS };
    const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    return principalOf(payload);
  };
}

/**
 * Refuses, with 401 before any GraphQL work, a request whose JWT is missing or does not verify; a verified
 * caller's scopes are kept for the operation's context (principalFrom).
 */
export function jwtMiddleware(verify: VerifyBearer, logger: Logger): RequestHandler {
  return (req, res, next) => {
    verify(req.headers.authorization).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        // The reason by code only (e.g. ERR_JWT_EXPIRED): never the token or its claims.
        logger.info({ reason: (error as { code?: string })?.code ?? 'ERR_NO_BEARER_TOKEN' }, 'request refused: JWT not verified');
        res.setHeader('www-authenticate', 'Bearer');
        sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'Missing, expired or invalid bearer token');
      },
    );
  };
}

/** The verified caller of this request; undefined when JWT verification is not configured. */
export function principalFrom(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}
