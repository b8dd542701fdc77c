import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The import graph of the process, as `npm run check:cycles` sees it: type imports and dynamic imports
 * count, because a type-only circle still ties the modules together (config could not be read, built or
 * tested without every vendor). Config in particular must stay a leaf: src/subgraph-config.ts hands it
 * the registry, config never imports it.
 */
describe('import graph of src/index.ts', () => {
  let tree: Awaited<ReturnType<typeof parseDependencyTree>>;

  beforeAll(async () => {
    // dpdm resolves entry globs against the working directory, not `context`.
    const entry = path.relative(process.cwd(), path.join(ROOT, 'src/index.ts'));
    tree = await parseDependencyTree(entry, { context: ROOT, transform: false, skipDynamicImports: false });
  });

  it('reaches config and the vendor registry (the analysis really ran over the process)', () => {
    expect(Object.keys(tree)).toEqual(expect.arrayContaining(['src/index.ts', 'src/config/index.ts', 'src/vendors/registry.ts']));
  });

  it('has no circular import', () => {
    const chains = parseCircular(tree).map((chain) => chain.join(' -> '));
    expect(chains).toEqual([]);
  });
});
