import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { parse, validate, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildCustomerSignalsSchema } from '../../src/schema';
import { printSubgraphSdl } from '../../src/schema-sdl';
import { CUSTOMERS_SDL, startCustomersSubgraph } from '../support/customers-subgraph';
import { composeSupergraph, GATEWAY_KINDS, startGateway, type RunningGateway } from '../support/gateways';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';

const ROOT = join(__dirname, '..', '..');
const OPERATIONS_DIR = join(ROOT, 'operations');
/**
 * Examples of vendor faults (e.g. `sim-unavailable`) live here: they may answer with vendor errors, but
 * only field-level, coded ones (a nulled field with extensions.code/vendor), never anything else.
 */
const SCENARIOS_DIR = join(OPERATIONS_DIR, 'scenarios');
/** Operations only a gateway sends (`_entities`): they run against the subgraph alone. */
const SUBGRAPH_ONLY_DIR = join(OPERATIONS_DIR, 'subgraph-only');

interface OperationBody {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

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
    expect(validate(schema, parse(readFileSync(file, 'utf8')))).toEqual([]);
    await expectOperationsAnswer(file, async (body) => {
      const response = await fetch(`${subgraph.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      return (await response.json()) as GraphQLResponse;
    });
  });

  /**
   * What a client sends runs through a gateway: every operation outside subgraph-only/ (those ask
   * `_entities`, which only a gateway may send) answers the same behind both gateways.
   */
  describe.each(GATEWAY_KINDS)('behind %s gateway', (kind) => {
    let customers: { url: string; stop(): Promise<void> };
    let gateway: RunningGateway;
    beforeAll(async () => {
      customers = await startCustomersSubgraph();
      gateway = await startGateway(kind, composeSupergraph([
        { name: 'customers', url: customers.url, sdl: CUSTOMERS_SDL },
        { name: 'signals', url: `${subgraph.url}/graphql`, sdl: await printSubgraphSdl() },
      ]));
    });
    afterAll(async () => {
      await gateway?.stop();
      await customers?.stop();
    });

    const clientFiles = files.filter((file) => !file.startsWith(SUBGRAPH_ONLY_DIR + sep));
    it.each(clientFiles.map((file) => [relative(ROOT, file), file]))('%s runs without errors (scenarios/: only coded vendor errors)', async (_name, file) => {
      await expectOperationsAnswer(file, (body) => gateway.query(body.query, body.variables, body.operationName));
    });
  });
});

/**
 * Runs every operation of the file through `send` (an `$id` it needs is given) and checks the answer:
 * no errors, or under scenarios/ data with only field-level, coded vendor errors.
 */
async function expectOperationsAnswer(file: string, send: (body: OperationBody) => Promise<GraphQLResponse>): Promise<void> {
  const text = readFileSync(file, 'utf8');
  for (const definition of parse(text).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const operation = definition as OperationDefinitionNode;
    const needsId = operation.variableDefinitions?.some((v) => v.variable.name.value === 'id' && !v.defaultValue);
    const result = await send({ query: text, operationName: operation.name?.value, variables: needsId ? { id: 'ops-example' } : {} });
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
}

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
