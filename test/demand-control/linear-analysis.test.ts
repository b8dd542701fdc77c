import { parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { analyseOperation } from '../../src/demand-control/analyse-operation';
import { costModelOf } from '../../src/demand-control/cost-model';
import { buildCustomerSignalsSchema } from '../../src/schema';
import { jsonExceeds } from '../../src/demand-control/json-size';
import { operationDepth } from '../../src/demand-control/operation-depth';
import { CappedKeySet } from '../../src/demand-control/capped-key-set';

describe('operationDepth', () => {
  const chain = (length: number) => {
    const fragments = ['fragment F0 on Customer { id }'];
    for (let i = 1; i < length; i += 1) fragments.push(`fragment F${i} on Customer { ...F${i - 1} }`);
    return parse(`{ customerSignals(id: "c") { ...F${length - 1} } } ${fragments.join(' ')}`);
  };

  it('counts fields, fragment spreads and inline fragments as levels', () => {
    // customerSignals 1, ...F 2, deviceInsights 3, ... on DeviceInsights 4, status 5
    const document = parse('{ customerSignals(id: "c") { ...F } } fragment F on Customer { deviceInsights { ... on DeviceInsights { status } } }');
    expect(operationDepth(document, 32)).toBe(5);
    expect(operationDepth(document, 4)).toBe(5);
    expect(operationDepth(document, 3)).toBe(4);
  });

  it('stops a chain of 10,000 fragments at the limit without deep recursion', () => {
    expect(operationDepth(chain(10_000), 32)).toBe(33);
  });

  it('finds the depth of a chain under the limit exactly, wherever its fragments are first reached', () => {
    // F9 is reached first shallow (depth 2 under a), then deep through the chain under b
    const document = parse(
      `{ a: customerSignals(id: "a") { ...F2 } b: customerSignals(id: "b") { ...F9 } }
       ${Array.from({ length: 9 }, (_, i) => `fragment F${i + 1} on Customer { ...F${i} }`).join(' ')} fragment F0 on Customer { id }`,
    );
    // b: customerSignals 1 + 10 spreads (F9..F0) + id 1
    expect(operationDepth(document, 32)).toBe(12);
  });

  it('treats a spread cycle as too deep instead of walking it', () => {
    const document = parse('{ customerSignals(id: "c") { ...A } } fragment A on Customer { ...B } fragment B on Customer { ...A }');
    expect(operationDepth(document, 32)).toBe(33);
  });
});

describe('jsonExceeds', () => {
  const samples: unknown[] = [
    { data: { a: [1, 2.5, -3, null, true, false, 'x"y\\z\n\u0001'], b: { c: 'ünïcödé ✓', d: undefined } } },
    [undefined, () => 1, { toJSON: () => 'dated' }, new Date(0), Number.NaN],
    { errors: [{ message: 'm', extensions: { code: 'C' } }], data: null },
  ];

  it.each(samples.map((sample) => [sample]))('agrees with JSON.stringify on the byte size of %j', (sample) => {
    const bytes = Buffer.byteLength(JSON.stringify(sample), 'utf8');
    expect(jsonExceeds(sample, bytes)).toBe(false);
    expect(jsonExceeds(sample, bytes - 1)).toBe(true);
  });

  it('stops early and never recurses, whatever the nesting', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(jsonExceeds(deep, 1_000_000)).toBe(false);
    expect(jsonExceeds(deep, 1000)).toBe(true);
  });
});

describe('CappedKeySet', () => {
  it('counts distinct keys, and one more than its cap once saturated', () => {
    const set = new CappedKeySet(3);
    for (const key of ['a', 'b', 'a', 'c']) set.add(key);
    expect(set.size).toBe(3);
    set.add('d');
    expect(set.size).toBe(4);
    const other = new CappedKeySet(3);
    other.addAll(set, 'x/');
    expect(other.size).toBe(4);
  });
});

describe('analyseOperation with large shared variables', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCustomerSignalsSchema();
  });

  const analyse = (query: string, variables: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return analyseOperation(costModelOf(schema), document, operation, variables, 501);
  };

  it('keys 1,000 aliases that share a 200 KB variable by the value once', () => {
    const roots = Array.from({ length: 1000 }, (_, i) => `c${i}: customerSignals(id: $id) { deviceInsights { status } }`).join(' ');
    const analysis = analyse(`query($id: ID!) { ${roots} }`, { id: 'x'.repeat(200_000) });
    // one customer, one argument set
    expect(analysis.vendorCalls).toBe(1);
  });

  it('counts a representations variable at every occurrence but checks it once', () => {
    const representations = [...Array.from({ length: 10 }, (_, i) => ({ __typename: 'Customer', id: `r${i}` })), { id: 'no-typename' }];
    const analysis = analyse('query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: $r) { __typename } }', {
      r: representations,
    });
    expect(analysis.entities).toBe(22);
    expect(analysis.representationProblemCount).toBe(1);
    expect(analysis.representationProblems).toEqual(['representation 10: __typename must be "Customer", the only entity this subgraph resolves']);
  });
});
