import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { featureCountOf } from '../../client/example/use-device-insights';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const EXAMPLE = join(__dirname, '..', '..', 'client', 'example', 'use-device-insights.ts');

/**
 * Compiles as a front end would: browser libraries (DOM, no Node types), strict. `extra` files exist
 * only in memory, next to the example, so they import it and the generated client the same way.
 */
function typeErrors(extra: Record<string, string> = {}): Array<{ file: string; code: number; message: string }> {
  const virtual = new Map(Object.entries(extra).map(([name, text]) => [join(dirname(EXAMPLE), name), text]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = virtual.get(file);
    return text !== undefined ? ts.createSourceFile(file, text, language) : getSourceFile.call(host, file, language, ...rest);
  };
  const program = ts.createProgram([EXAMPLE, ...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('typed client for front ends (client/generated + client/example)', () => {
  it('the README example compiles as browser code against the generated types', () => {
    expect(readFileSync(EXAMPLE, 'utf8')).toContain('CustomerDeviceInsightsDocument');
    expect(typeErrors()).toEqual([]);
  });

  it('the generated types are precise: wrong variables, a wrong field type or an unknown field do not compile', () => {
    // If the generated document were loosely typed (any), none of these would be caught.
    const errors = typeErrors({
      'misuse.ts': [
        "import { CustomerDeviceInsightsDocument } from '../generated/graphql';",
        "import { request } from './use-device-insights';",
        'export async function misuse(url: string) {',
        '  const data = await request(url, CustomerDeviceInsightsDocument, { id: 42 });',
        '  const asText: string = data.customerSignals.deviceInsights?.featureCount ?? 0;',
        '  return [asText, data.customerSignals.deviceInsights?.noSuchField];',
        '}',
      ].join('\n'),
    });
    const misuse = errors.filter((error) => error.file.endsWith('misuse.ts'));
    expect(misuse.map((error) => error.code).sort()).toEqual([2322, 2322, 2339]);
    expect(errors.filter((error) => !error.file.endsWith('misuse.ts'))).toEqual([]);
  });

  describe('against the running subgraph', () => {
    let subgraph: TestSubgraph;
    beforeAll(async () => {
      subgraph = await startTestSubgraph();
    });
    afterAll(() => subgraph.stop());

    it('the example fetches the simulated customer’s feature count', async () => {
      const direct = await subgraph.query('{ customerSignals(id: "typed-1") { deviceInsights { featureCount } } }');
      const count = await featureCountOf(`${subgraph.url}/graphql`, 'typed-1');
      expect(count).toBe(direct.data?.customerSignals.deviceInsights.featureCount);
      expect(count).toBeGreaterThan(2900);
    });
  });
});
