import type { ExampleOperation } from './example-operations';

/**
 * Sent with the page. Scripts, styles and XHR may only come from this server; fonts and icons also from
 * data: URIs (graphiql's CSS inlines them). A browser therefore cannot load anything from the internet
 * for this page even if a future asset tried to, and no inline script runs (the page's data travels in
 * a non-executable JSON block read by boot.js). Inline styles are allowed because graphiql's dialogs
 * inject a <style> whose content depends on the browser's scrollbar width (no stable hash); with every
 * fetch-capable directive limited to 'self'/data:, CSS still cannot reach another host.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What boot.js reads from the page: where to send operations, the starting tabs, a storage namespace. */
export interface GraphiqlPageData {
  graphqlPath: string;
  tabs: Array<{ query: string; variables?: string }>;
  /** Prefix for GraphiQL's localStorage keys; changes when the examples do, so the new tabs show. */
  storageNamespace: string;
}

export function pageData(graphqlPath: string, examples: ExampleOperation[], storageNamespace: string): GraphiqlPageData {
  return { graphqlPath, tabs: examples.map(({ query, variables }) => ({ query, variables })), storageNamespace };
}

/** GraphiQL needs the full viewport; kept out of the HTML because the CSP forbids inline styles. */
export const PAGE_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

/** The HTML shell: graphiql's stylesheet, React 18 UMD, graphiql's browser bundle, then boot.js. */
export function renderGraphiqlPage(assetsPath: string, data: GraphiqlPageData): string {
  // `<` escaped so no example text can close the JSON block early; JSON.parse reads it back unchanged.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>customer-signals-subgraph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetsPath}/graphiql.min.css">
<link rel="stylesheet" href="${assetsPath}/page.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="graphiql-data">${json}</script>
<script src="${assetsPath}/react.production.min.js"></script>
<script src="${assetsPath}/react-dom.production.min.js"></script>
<script src="${assetsPath}/graphiql.min.js"></script>
<script src="${assetsPath}/boot.js"></script>
</body>
</html>
`;
}
