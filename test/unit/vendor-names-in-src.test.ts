import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { VENDORS } from '../../src/vendors/registry';

/**
 * A vendor is a unit of the code: its files sit in its own subfolders, and every per-vendor list elsewhere
 * is derived from the registry. So outside `src/{datasources,types,resolvers,simulators}/<vendor>/` and
 * `src/vendors/registry.ts`, no line of code in `src/` names a vendor (comments may: they say why).
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const VENDOR_FOLDERS = ['datasources', 'types', 'resolvers', 'simulators'];
const REGISTRY = 'src/vendors/registry.ts';

/** A line that is a comment, as `grep -vE '^\s*(//|\*|/\*)'` reads it. */
const COMMENT_LINE = /^\s*(\/\/|\*|\/\*)/;

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `path:line: text` of every code line of `source` that names one of `vendors` (case-insensitive). */
function linesNamingVendors(path: string, source: string, vendors: readonly string[]): string[] {
  const names = new RegExp(vendors.join('|'), 'i');
  return source.split('\n').flatMap((text, index) =>
    !COMMENT_LINE.test(text) && names.test(text) ? [`${path}:${index + 1}: ${text.trim()}`] : [],
  );
}

/** Whether `path` (relative, with `/`) may name vendors: a vendor's own subfolder, or the registry. */
function mayNameVendors(path: string, vendors: readonly string[]): boolean {
  if (path === REGISTRY) return true;
  const [top, folder, vendor] = path.split('/');
  return top === 'src' && VENDOR_FOLDERS.includes(folder ?? '') && vendors.includes(vendor ?? '') && path.split('/').length > 3;
}

describe('vendor names in src/', () => {
  // A vendor's key is its folder name (`credeau`); case-insensitively it also matches its name and label.
  const vendors = VENDORS.map((vendor) => vendor.key);

  it('the rule sees code lines and skips comment lines', () => {
    const source = ["import { x } from './acme/acme.vendor';", '// Acme answers slowly', ' * Acme, again', '/* ACME */', 'const y = 1;'].join('\n');
    expect(linesNamingVendors('src/x.ts', source, ['acme'])).toEqual(["src/x.ts:1: import { x } from './acme/acme.vendor';"]);
    expect(mayNameVendors('src/datasources/acme/acme.vendor.ts', ['acme'])).toBe(true);
    expect(mayNameVendors('src/config/acme.config.ts', ['acme'])).toBe(false);
    expect(mayNameVendors('src/datasources/acme.ts', ['acme'])).toBe(false);
  });

  it('names a vendor only in its own subfolders and the registry', () => {
    expect(vendors.length).toBeGreaterThan(0);
    const offending = typeScriptFiles(SRC)
      .map((file) => relative(ROOT, file).split(sep).join('/'))
      .filter((path) => !mayNameVendors(path, vendors))
      .flatMap((path) => linesNamingVendors(path, readFileSync(join(ROOT, path), 'utf8'), vendors));
    expect(offending).toEqual([]);
  });
});
