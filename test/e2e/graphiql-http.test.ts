import { ConfigError, loadConfig } from '../../src/subgraph-config';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Production refuses simulators, so it needs every vendor's credentials. The names are taken from the
 * config's own refusal (so vendors added later are covered) and given placeholders: vendor connections
 * send nothing at start-up and these tests call no vendor.
 */
function productionEnv(): Record<string, string> {
  const env: Record<string, string> = { NODE_ENV: 'production', EVIDENCE_DISABLED: 'true' };
  try {
    loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) {
      const name = /^([A-Z0-9_]+): missing/.exec(problem)?.[1];
      if (name) env[name] = `placeholder-${name.toLowerCase()}`;
    }
  }
  return env;
}

async function get(url: string, accept = BROWSER_ACCEPT) {
  const response = await fetch(url, { headers: { accept } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', csp: response.headers.get('content-security-policy'), body: await response.text() };
}

/** True when the response is our IDE page (and not, say, Apollo's error for a GET without a query). */
function isGraphiql(res: { status: number; type: string; body: string }): boolean {
  return res.status === 200 && res.type.startsWith('text/html') && res.body.includes('<div id="graphiql">');
}

describe('GraphiQL over HTTP', () => {
  describe('outside production, GRAPHIQL_ENABLED unset (on by default)', () => {
    let subgraph: TestSubgraph;
    beforeAll(async () => {
      subgraph = await startTestSubgraph();
    });
    afterAll(() => subgraph.stop());

    it('serves the IDE at GET /graphql to a browser and at GET /graphiql, with a same-origin CSP', async () => {
      for (const path of ['/graphql', '/graphiql']) {
        const res = await get(`${subgraph.url}${path}`);
        expect(isGraphiql(res)).toBe(true);
        for (const directive of ["script-src 'self'", "connect-src 'self'", "font-src 'self' data:", "default-src 'none'"]) {
          expect(res.csp).toContain(directive);
        }
      }
    });

    it('serves every script and stylesheet the page names from this server, none from another host', async () => {
      const page = (await get(`${subgraph.url}/graphiql`)).body;
      const urls = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
      expect(urls.filter((url) => !url.startsWith('/') && !url.startsWith('data:'))).toEqual([]);
      const assets = urls.filter((url) => url.startsWith('/'));
      expect(assets).toEqual(expect.arrayContaining(['/graphiql/assets/graphiql.min.js', '/graphiql/assets/graphiql.min.css', '/graphiql/assets/boot.js']));
      for (const asset of assets) {
        const res = await get(`${subgraph.url}${asset}`, '*/*');
        expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
        expect(res.type).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/);
        expect(res.body).not.toMatch(/https?:\/\/(?:unpkg\.com|cdn\.jsdelivr\.net|esm\.sh|fonts\.googleapis\.com|fonts\.gstatic\.com)/);
      }
    });

    it('opens with the example operations of operations/, variables prefilled', async () => {
      const page = (await get(`${subgraph.url}/graphiql`)).body;
      const json = /<script type="application\/json" id="graphiql-data">([^<]*)<\/script>/.exec(page)?.[1] as string;
      const data = JSON.parse(json) as { graphqlPath: string; tabs: Array<{ query: string; variables?: string }> };
      expect(data.graphqlPath).toBe('/graphql');
      const deviceInsights = data.tabs.find((tab) => tab.query.includes('query CustomerDeviceInsights'));
      expect(JSON.parse(deviceInsights?.variables ?? '{}')).toMatchObject({ id: 'cust-1' });
      expect(data.tabs.some((tab) => tab.query.includes('_entities('))).toBe(true);
    });

    it('leaves API clients on GraphQL: a GET asking for JSON is not the IDE, POST still runs operations', async () => {
      expect(isGraphiql(await get(`${subgraph.url}/graphql`, 'application/json'))).toBe(false);
      expect(isGraphiql(await get(`${subgraph.url}/graphql`, '*/*'))).toBe(false);
      const res = await subgraph.query('{ customerSignals(id: "graphiql-1") { id } }');
      expect(res).toEqual({
      data: { customerSignals: { id: 'graphiql-1' } },
      // The customer's cache tag, for Apollo Router's response cache (src/erasure/cache-tags.plugin.ts).
      extensions: { apolloCacheTags: [expect.stringMatching(/^signals-customer-[0-9a-f]{32}$/)] },
    });
    });

    it('serves only the listed asset files, never a path chosen by the request', async () => {
      expect((await get(`${subgraph.url}/graphiql/assets/package.json`, '*/*')).status).toBe(404);
      expect((await get(`${subgraph.url}/graphiql/assets/..%2F..%2Fpackage.json`, '*/*')).status).toBe(404);
    });
  });

  describe.each([
    ['in production with GRAPHIQL_ENABLED unset', productionEnv()],
    ['outside production with GRAPHIQL_ENABLED=false', { GRAPHIQL_ENABLED: 'false' }],
  ])('%s', (_label, env) => {
    let subgraph: TestSubgraph;
    beforeAll(async () => {
      subgraph = await startTestSubgraph(env);
    });
    afterAll(() => subgraph.stop());

    it('does not serve the IDE at GET /graphql (Accept: text/html), /graphiql or its assets', async () => {
      expect(subgraph.config.server.graphiqlEnabled).toBe(false);
      const atGraphql = await get(`${subgraph.url}/graphql`);
      expect(isGraphiql(atGraphql)).toBe(false);
      expect(atGraphql.body).not.toContain('graphiql');
      expect((await get(`${subgraph.url}/graphiql`)).status).toBe(404);
      expect((await get(`${subgraph.url}/graphiql/assets/graphiql.min.js`, '*/*')).status).toBe(404);
    });
  });

  describe('in production with GRAPHIQL_ENABLED=true', () => {
    let subgraph: TestSubgraph;
    beforeAll(async () => {
      subgraph = await startTestSubgraph({ ...productionEnv(), GRAPHIQL_ENABLED: 'true' });
    });
    afterAll(() => subgraph.stop());

    it('serves the IDE', async () => {
      expect(subgraph.config.server.production).toBe(true);
      expect(isGraphiql(await get(`${subgraph.url}/graphql`))).toBe(true);
    });
  });
});
