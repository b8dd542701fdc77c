import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findOperationsDir, loadExampleOperations } from '../../src/graphiql/example-operations';
import { requireChromium } from '../support/chromium';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

/** As the machine notes prescribe: without the background-networking flags Chromium phones Google. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** data:, blob: and about: never leave the machine; http(s) must stay on loopback. */
function leavesLocalhost(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

/** Just enough of the page's globals for the functions below, since this project compiles without the DOM library. */
type PageGlobals = {
  document: { querySelector(selector: string): { CodeMirror?: { getValue(): string } } | null };
  localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
};

/**
 * The response editor's full text, from CodeMirror itself (the DOM only holds the visible lines). Runs
 * in the page; a function, not a string, because the page's CSP forbids eval.
 */
function responseText(): string {
  const editor = (globalThis as unknown as PageGlobals).document.querySelector('.graphiql-response .CodeMirror');
  return editor?.CodeMirror?.getValue() ?? '';
}

/**
 * Whether GraphiQL has settled on `name` as the active tab's operation. After a tab switch GraphiQL re-reads the
 * query on a 100 ms debounce and, until then, would run the previous tab's operation name; it stores
 * the new name in its storage (namespaced by boot.js) when done, which is what this reads.
 */
function operationNameIs(name: string): boolean {
  const { localStorage } = globalThis as unknown as PageGlobals;
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key?.endsWith('graphiql:operationName')) return localStorage.getItem(key) === name;
  }
  return false;
}

describe('GraphiQL in headless Chromium, offline', () => {
  let subgraph: TestSubgraph;
  let browser: Browser;
  const requested: string[] = [];
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // First, so a machine without Chromium fails here with what to install, before anything starts.
    const executablePath = requireChromium();
    subgraph = await startTestSubgraph();
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await subgraph?.stop();
  });

  it('loads every asset from the subgraph, opens the example tabs and runs a query by clicking Run', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Cut the network: anything not on loopback is recorded and refused, as on a machine with no internet.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      if (leavesLocalhost(url)) {
        blocked.push(url);
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    // A browser's plain navigation to the GraphQL endpoint (Accept: text/html) gets the IDE.
    const response = await page.goto(`${subgraph.url}/graphql`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // One tab per file of operations/, titled by its operation name.
    const examples = loadExampleOperations(findOperationsDir() as string);
    await page.locator('.graphiql-tab').nth(Math.max(examples.length - 1, 0)).waitFor({ timeout: 30_000 });
    const titles = await page.locator('.graphiql-tab .graphiql-tab-button').allInnerTexts();
    expect(titles.map((title) => title.trim())).toEqual(examples.map((example) => example.name));

    // A fresh load's first tab runs as it opens: its variables are filled, so the first Run a newcomer
    // clicks answers with data, not `Variable "$id" of required type "ID!" was not provided`.
    const first = examples[0];
    if (!first?.name) throw new Error('operations/ has no named first example');
    await page.waitForFunction(operationNameIs, first.name, { timeout: 30_000 });
    await page.locator('button.graphiql-execute-button').click();
    await page.locator('.graphiql-response .CodeMirror-line', { hasText: /"(data|errors)"/ }).waitFor({ timeout: 30_000 });
    const firstShown = JSON.parse(await page.evaluate(responseText)) as { data?: { customerSignals?: Record<string, unknown> }; errors?: unknown[] };
    expect(firstShown.errors).toBeUndefined();
    expect(firstShown.data?.customerSignals?.id).toBe('cust-1');
    const firstField = Object.keys(firstShown.data?.customerSignals ?? {}).find((key) => key !== 'id' && key !== '__typename');
    expect(firstField && firstShown.data?.customerSignals?.[firstField]).toEqual(expect.objectContaining({ status: 'COMPLETE' }));

    // The Customer.deviceInsights tab (operations/device-insights.graphql, variables prefilled) runs on a click.
    const example = examples.find((candidate) => candidate.name === 'CustomerDeviceInsights');
    if (!example) throw new Error('operations/device-insights.graphql (CustomerDeviceInsights) is missing');
    await page.locator('.graphiql-tab-button', { hasText: /^\s*CustomerDeviceInsights\s*$/ }).click();
    await page.waitForFunction(operationNameIs, 'CustomerDeviceInsights', { timeout: 30_000 });
    await page.locator('button.graphiql-execute-button').click();
    await page.locator('.graphiql-response .CodeMirror-line', { hasText: '"featureCount"' }).waitFor({ timeout: 30_000 });
    type Shown = { data?: { customerSignals?: { id: string; deviceInsights?: Record<string, unknown> } }; extensions?: Record<string, unknown> };
    const shown = JSON.parse(await page.evaluate(responseText)) as Shown;

    // What the pane shows is the simulated customer's data, as the subgraph answers it directly (the
    // vendor's request id and timestamps are per call, so they are only checked for presence).
    const direct = (await subgraph.query(example.query, JSON.parse(example.variables ?? '{}') as Record<string, unknown>)) as Shown;
    const perCall = { requestId: expect.any(String), requestedAt: expect.any(String), processedAt: expect.any(String) };
    expect(shown).toEqual({
      data: { customerSignals: { ...direct.data?.customerSignals, deviceInsights: { ...direct.data?.customerSignals?.deviceInsights, ...perCall } } },
      // The customer's cache tag (the same customer, the same tag) for a router's response cache.
      extensions: { apolloCacheTags: direct.extensions?.apolloCacheTags },
    });
    expect(shown.data?.customerSignals?.id).toBe('cust-1');
    expect(shown.data?.customerSignals?.deviceInsights?.status).toBe('COMPLETE');
    expect(shown.data?.customerSignals?.deviceInsights?.featureCount).toBeGreaterThan(2900);

    // Kept for a human look (git-ignored): the IDE with the example tab run.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });

    // The schema came over the same origin too: the docs explorer opens the Query type and its field.
    await page.getByRole('button', { name: /Documentation Explorer/ }).first().click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click({ timeout: 30_000 });
    await docs.getByText('customerSignals').first().waitFor({ timeout: 30_000 });
    // Dialogs work under the CSP too (a violation would show in consoleErrors below).
    await page.getByRole('button', { name: 'Open settings dialog' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await context.close();

    expect(requested.some((url) => url.endsWith('/graphiql/assets/graphiql.min.js'))).toBe(true);
    expect(blocked).toEqual([]);
    expect(requested.filter(leavesLocalhost)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
