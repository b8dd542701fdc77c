import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Config is a leaf of the import graph: src/config/ imports only its own files and libraries, never vendor
 * (or any other src/) code. The composition root hands it the registry's env contracts
 * (src/subgraph-config.ts), so a vendor's variables reach config without config importing the vendor.
 */
const CONFIG = join(__dirname, '..', '..', 'src', 'config');
const IMPORT = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

describe('src/config/', () => {
  it('imports nothing from src/ outside itself (type imports included)', () => {
    const outside = readdirSync(CONFIG)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) =>
        [...readFileSync(join(CONFIG, name), 'utf8').matchAll(IMPORT)]
          .map((match) => match[1] ?? '')
          .filter((specifier) => specifier.startsWith('.') && !specifier.startsWith('./'))
          .map((specifier) => `src/config/${name}: ${specifier}`),
      );
    expect(outside).toEqual([]);
  });
});
