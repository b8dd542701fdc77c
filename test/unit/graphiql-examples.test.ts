import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_CUSTOMER_ID, findOperationsDir, loadExampleOperations } from '../../src/graphiql/example-operations';
import { pageData, renderGraphiqlPage } from '../../src/graphiql/graphiql-page';

describe('GraphiQL example tabs (src/graphiql/example-operations.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graphiql-examples-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(path: string, text: string) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it('orders the folder’s own files first, then each subfolder, each by name', () => {
    write('subgraph-only/a.graphql', 'query Entities { __typename }');
    write('scenarios/b.graphql', 'query ScenarioB { __typename }');
    write('scenarios/a.graphql', 'query ScenarioA { __typename }');
    write('z-field.graphql', 'query FieldZ { __typename }');
    write('a-field.graphql', 'query FieldA { __typename }');
    write('notes.md', 'not an operation');
    const examples = loadExampleOperations(dir);
    expect(examples.map((example) => [example.file, example.name])).toEqual([
      ['a-field.graphql', 'FieldA'],
      ['z-field.graphql', 'FieldZ'],
      ['scenarios/a.graphql', 'ScenarioA'],
      ['scenarios/b.graphql', 'ScenarioB'],
      ['subgraph-only/a.graphql', 'Entities'],
    ]);
  });

  it('prefills every default value, and the example customer for a required $id', () => {
    write('one.graphql', '# comment kept\nquery One($id: ID!, $first: Int = 5, $names: [String!] = ["a", "b"], $after: String) { __typename }');
    write('two.graphql', 'query Two($id: ID! = "sim-never-ready") { __typename }');
    write('three.graphql', '{ __typename }');
    const [one, three, two] = loadExampleOperations(dir);
    expect(one?.query.startsWith('# comment kept\n')).toBe(true);
    expect(JSON.parse(one?.variables ?? '')).toEqual({ id: EXAMPLE_CUSTOMER_ID, first: 5, names: ['a', 'b'] });
    expect(JSON.parse(two?.variables ?? '')).toEqual({ id: 'sim-never-ready' });
    expect(three?.variables).toBeUndefined();
  });

  it('skips a file that does not parse and reports it, instead of failing start-up', () => {
    write('good.graphql', 'query Good { __typename }');
    write('bad.graphql', 'query Bad {');
    const skipped: string[] = [];
    expect(loadExampleOperations(dir, (file) => skipped.push(file)).map((example) => example.name)).toEqual(['Good']);
    expect(skipped).toEqual(['bad.graphql']);
  });

  it('finds the repo’s operations/ folder from the package root', () => {
    expect(findOperationsDir()).toBe(join(__dirname, '..', '..', 'operations'));
    expect(findOperationsDir(dir)).toBeUndefined();
  });

  it('embeds the tabs so that no example text can end the JSON block or run as script', () => {
    const html = renderGraphiqlPage('/graphiql/assets', pageData('/graphql', [{ file: 'x.graphql', query: '# </script><script>alert(1)</script>\n{ __typename }' }], 'ns:'));
    expect(html).not.toContain('</script><script>alert(1)');
    const json = /id="graphiql-data">([^<]*)<\/script>/.exec(html)?.[1] as string;
    expect(JSON.parse(json).tabs[0].query).toContain('</script><script>alert(1)</script>');
  });
});
