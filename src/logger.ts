import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs on stdout. Log lines carry ids, codes, statuses and timings only: never a vendor body, a
 * credential or personal data. The redact list is a second line of defence for header objects.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'customer-signals-subgraph' },
      redact: {
        paths: ['*.headers', 'headers', '*.authorization', '*["x-auth-token"]', '*["x-api-key"]', '*["API-KEY"]', '*.password'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
