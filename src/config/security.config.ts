import { z } from 'zod';
import { booleanVar, optionalString } from './env-fields';

/** Who may call the subgraph and what a caller may see: the router secret, JWT verification, introspection. */
export const securityEnvShape = {
  /** Shared secret the router sends on every GraphQL request; required in production. Default unset. */
  ROUTER_SECRET: optionalString,
  /** Header that carries ROUTER_SECRET. Default router-authorization. */
  ROUTER_SECRET_HEADER: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name (letters, digits, "-")')
      .default('router-authorization')
      .transform((v) => v.toLowerCase()),
  ),
  /** `true`: run in production without ROUTER_SECRET (an explicit decision, e.g. a mesh does mTLS). Default false. */
  ROUTER_SECRET_DISABLED: booleanVar(false),
  /** JWKS URL the forwarded `authorization: Bearer` JWT is verified against. Default unset (no JWT check). */
  AUTH_JWKS_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  /** PEM (SPKI) public key to verify the JWT with, instead of AUTH_JWKS_URL. Default unset. */
  AUTH_JWT_PUBLIC_KEY: optionalString,
  /** Required `iss` of the JWT; required when JWT verification is on. Default unset. */
  AUTH_ISSUER: optionalString,
  /** Required `aud` of the JWT; required when JWT verification is on. Default unset. */
  AUTH_AUDIENCE: optionalString,
  /** Introspection and "Did you mean" suggestions. Default: on outside production, off in production. */
  INTROSPECTION_ENABLED: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false', '1', '0']).optional()),
};

type SecurityEnv = z.output<z.ZodObject<typeof securityEnvShape>>;

/** How the forwarded JWT is verified; absent: no JWT check and no scope enforcement. */
export interface JwtConfig {
  /** Exactly one of jwksUrl and publicKeyPem is set. */
  jwksUrl?: string;
  publicKeyPem?: string;
  issuer: string;
  audience: string;
}

export interface SecurityConfig {
  /** Undefined: no router secret is checked (unset outside production, or ROUTER_SECRET_DISABLED=true). */
  routerSecret?: string;
  /** Lower-case header name. */
  routerSecretHeader: string;
  jwt?: JwtConfig;
  /** Introspection on, and schema details (suggestions) shown in client errors. */
  introspectionEnabled: boolean;
}

/** Problems that need more than one variable to see; the messages name the variable first. */
export function securityConfigProblems(e: SecurityEnv, production: boolean): string[] {
  const problems: string[] = [];
  if (production && !e.ROUTER_SECRET && !e.ROUTER_SECRET_DISABLED) {
    problems.push(
      'ROUTER_SECRET: missing (required in production so only the router can reach the subgraph; set ROUTER_SECRET_DISABLED=true to run without it)',
    );
  }
  if (e.AUTH_JWKS_URL && e.AUTH_JWT_PUBLIC_KEY) problems.push('AUTH_JWT_PUBLIC_KEY: set only one of AUTH_JWKS_URL and AUTH_JWT_PUBLIC_KEY');
  if (e.AUTH_JWT_PUBLIC_KEY && !e.AUTH_JWT_PUBLIC_KEY.includes('-----BEGIN PUBLIC KEY-----')) {
    problems.push('AUTH_JWT_PUBLIC_KEY: must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  if (e.AUTH_JWKS_URL || e.AUTH_JWT_PUBLIC_KEY) {
    // Without both, a token minted for another service (or by another issuer on the same JWKS) would pass.
    if (!e.AUTH_ISSUER) problems.push('AUTH_ISSUER: missing (required with AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY)');
    if (!e.AUTH_AUDIENCE) problems.push('AUTH_AUDIENCE: missing (required with AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY)');
  }
  return problems;
}

export function toSecurityConfig(e: SecurityEnv, production: boolean): SecurityConfig {
  const jwtKey = e.AUTH_JWKS_URL ?? e.AUTH_JWT_PUBLIC_KEY;
  return {
    routerSecret: e.ROUTER_SECRET,
    routerSecretHeader: e.ROUTER_SECRET_HEADER,
    jwt:
      jwtKey && e.AUTH_ISSUER && e.AUTH_AUDIENCE
        ? {
            ...(e.AUTH_JWKS_URL ? { jwksUrl: e.AUTH_JWKS_URL } : { publicKeyPem: (e.AUTH_JWT_PUBLIC_KEY ?? '').replace(/\\n/g, '\n') }),
            issuer: e.AUTH_ISSUER,
            audience: e.AUTH_AUDIENCE,
          }
        : undefined,
    introspectionEnabled:
      e.INTROSPECTION_ENABLED === undefined ? !production : e.INTROSPECTION_ENABLED === 'true' || e.INTROSPECTION_ENABLED === '1',
  };
}
