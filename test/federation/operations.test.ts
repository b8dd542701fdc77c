import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { parse, validate, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildCustomerSignalsSchema } from '../../src/schema';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const ROOT = join(__dirname, '..', '..');
const OPERATIONS_DIR = join(ROOT, 'operations');
/**
 * Examples of vendor faults (e.g. `sim-unavailable`) live here: they may answer with vendor errors, but
 * only field-level, coded ones (a nulled field with extensions.code/vendor), never anything else.
 */
const SCENARIOS_DIR = join(OPERATIONS_DIR, 'scenarios');

function operationFiles(dir = OPERATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? operationFiles(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
  );
}

describe('operations/', () => {
  let subgraph: TestSubgraph;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
    schema = await buildCustomerSignalsSchema();
  });
  afterAll(() => subgraph.stop());

  const files = operationFiles();

  it('holds example operations', () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))('%s validates against the subgraph schema and runs without errors (scenarios/: only coded vendor errors)', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const document = parse(text);
    expect(validate(schema, document)).toEqual([]);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const operation = definition as OperationDefinitionNode;
      const needsId = operation.variableDefinitions?.some((v) => v.variable.name.value === 'id' && !v.defaultValue);
      const body = { query: text, operationName: operation.name?.value, variables: needsId ? { id: 'ops-example' } : {} };
      const response = await fetch(`${subgraph.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      const result = (await response.json()) as { data?: unknown; errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> };
      if (file.startsWith(SCENARIOS_DIR + sep)) {
        expect(result.data).toEqual(expect.anything());
        for (const error of result.errors ?? []) {
          expect({ code: error.extensions?.code, vendor: error.extensions?.vendor, hasPath: (error.path?.length ?? 0) > 1 }).toEqual({
            code: expect.stringMatching(/^VENDOR_/), vendor: expect.any(String), hasPath: true,
          });
        }
      } else {
        expect(result.errors).toBeUndefined();
      }
    }
  });
});

describe('codegen output (client/generated)', () => {
  it('is what `npm run codegen` would write now (run it after changing schema.graphql or operations/)', async () => {
    const loaded = await loadCodegenConfig({ configFilePath: join(ROOT, 'codegen.yml') });
    const previous = process.cwd();
    process.chdir(ROOT);
    try {
      const outputs = await generate({ ...loaded.config, silent: true, verbose: false }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        const committed = readFileSync(join(ROOT, output.filename), 'utf8');
        expect({ file: output.filename, content: committed }).toEqual({ file: output.filename, content: output.content });
      }
    } finally {
      process.chdir(previous);
    }
  });
});
