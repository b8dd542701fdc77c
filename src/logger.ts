import pino, { type DestinationStream, type Logger } from 'pino';
import { stdoutDestination } from './log-destination';

/**
 * JSON logs on stdout. Log lines carry ids, codes, statuses and timings only: never a vendor body, a
 * credential or personal data. The redact list is a second line of defence for headers and variables.
 * The default destination is stdout that never blocks an exit (see stdoutDestination).
 */
export function createLogger(level: string, destination: DestinationStream = stdoutDestination()): Logger {
  return pino(
    {
      level,
      base: { service: 'customer-signals-subgraph' },
      redact: {
        // Headers (the JWT, the router secret, cookies, vendor keys) and GraphQL variables (customer ids, an
        // e-mail, a phone number), wherever a careless line might put them, a level or two deep.
        paths: [
          'headers', '*.headers', '*.*.headers',
          'authorization', '*.authorization', 'cookie', '*.cookie', '*["set-cookie"]', '*["router-authorization"]',
          '*["x-auth-token"]', '*["x-api-key"]', '*["API-KEY"]', 'password', '*.password', 'token', '*.token',
          'variables', '*.variables', '*.*.variables',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
