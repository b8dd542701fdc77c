import pino, { type DestinationStream, type Logger } from 'pino';
import { stdoutDestination } from './log-destination';

/**
 * Headers and fields every process redacts, whichever vendors it runs: the JWT, the router secret,
 * cookies, passwords and tokens. Vendors' own secret headers are added by the caller (see createLogger).
 */
const GENERIC_REDACT_PATHS = [
  'headers', '*.headers', '*.*.headers',
  'authorization', '*.authorization', 'cookie', '*.cookie', '*["set-cookie"]', '*["router-authorization"]',
  'password', '*.password', 'token', '*.token',
  'variables', '*.variables', '*.*.variables',
];

/** A header name as redact paths: at the top of a log object and one level deep (`{ request: {...} }`). */
function headerPaths(header: string): string[] {
  const quoted = JSON.stringify(header);
  return [`[${quoted}]`, `*[${quoted}]`];
}

/**
 * The redact paths for a process whose vendors keep secrets in `secretHeaders` (the composition root
 * hands in every registered vendor's, so the logger needs no vendor code and a new vendor's header is
 * redacted as soon as its descriptor declares it).
 */
export function redactPaths(secretHeaders: readonly string[]): string[] {
  return [...new Set([...GENERIC_REDACT_PATHS, ...secretHeaders.flatMap(headerPaths)])];
}

/**
 * JSON logs on stdout. Log lines carry ids, codes, statuses and timings only: never a vendor body, a
 * credential or personal data. The redact list is a second line of defence for headers and variables.
 * The default destination is stdout that never blocks an exit (see stdoutDestination).
 * `secretHeaders` is required so that no caller can build a logger that forgets the vendors' keys.
 */
export function createLogger(
  level: string,
  secretHeaders: readonly string[],
  destination: DestinationStream = stdoutDestination(),
): Logger {
  return pino(
    {
      level,
      base: { service: 'customer-signals-subgraph' },
      // Headers (the JWT, the router secret, cookies, vendor keys) and GraphQL variables (customer ids, an
      // e-mail, a phone number), wherever a careless line might put them, a level or two deep.
      redact: { paths: redactPaths(secretHeaders), censor: '[redacted]' },
    },
    destination,
  );
}

export type { Logger };
