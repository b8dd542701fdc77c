import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The `version` of this package's package.json, found from the package root so it is the same from
 * src/ under ts-jest and from dist/ (whose depth differs); `unknown` if a deployment ships without it.
 */
export function serviceVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? 'unknown');
    if (dirname(dir) === dir) return 'unknown';
  }
}
