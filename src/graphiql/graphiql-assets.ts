import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file the GraphiQL page loads, served by the subgraph from an installed npm package. */
export interface GraphiqlAsset {
  /** The URL file name under the assets path, e.g. `graphiql.min.js`. */
  name: string;
  /** Absolute path inside node_modules. */
  path: string;
}

/**
 * Where a package's files live. Resolved through its package.json because graphiql and react restrict
 * `exports`: their prebuilt browser bundles cannot be `require.resolve`d directly.
 */
function packageFile(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

/**
 * Every script and style the page needs, all from npm packages, so the IDE works with no internet.
 * graphiql 4's browser bundle (graphiql.min.js) expects React 18's UMD globals `React` and `ReactDOM`;
 * its CSS carries its fonts and icons as data: URIs, so nothing else is fetched. The source map is
 * listed because the bundle names it: devtools would otherwise ask for it and log a 404.
 */
export function graphiqlAssets(): GraphiqlAsset[] {
  const assets: GraphiqlAsset[] = [
    { name: 'react.production.min.js', path: packageFile('react', 'umd/react.production.min.js') },
    { name: 'react-dom.production.min.js', path: packageFile('react-dom', 'umd/react-dom.production.min.js') },
    { name: 'graphiql.min.js', path: packageFile('graphiql', 'graphiql.min.js') },
    { name: 'index.umd.js.map', path: packageFile('graphiql', 'dist/index.umd.js.map') },
    { name: 'graphiql.min.css', path: packageFile('graphiql', 'graphiql.min.css') },
  ];
  // Fail at start-up, not on the first page view, when an upgrade moves a file.
  const missing = assets.filter((asset) => !existsSync(asset.path));
  if (missing.length > 0) {
    throw new Error(`GraphiQL assets missing from node_modules: ${missing.map((asset) => asset.path).join(', ')}`);
  }
  return assets;
}
