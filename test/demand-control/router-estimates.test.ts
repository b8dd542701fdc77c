import { parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { analyseOperation, type OperationAnalysis } from '../../src/demand-control/analyse-operation';
import { costModelOf } from '../../src/demand-control/cost-model';
import { buildCustomerSignalsSchema } from '../../src/schema';

/**
 * The estimate equals Apollo Router's static estimate (apollo-router/src/plugins/demand_control/
 * cost_calculator/static_cost.rs) from the same SDL, for operations whose lists the spec can size. The
 * router's rules, as applied in each expectation: a query operation costs 0; an object (or union) field
 * costs 1 unless `@cost(weight:)` says otherwise (here every vendor field: 1); a scalar or enum 0;
 * `__typename` 0; a list costs (its size) x (1 + its selection); the size is the slicing argument's value
 * (field default included), else `assumedSize`; a connection's `sizedFields` take the connection's size;
 * an input-object argument costs 1 plus its fields, scalar arguments 0; a field under
 * `@skip(if: true)` costs 0; a fragment costs what it selects at every spread.
 */
describe('estimates equal Apollo Router demand control', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCustomerSignalsSchema();
  });

  const analyse = (query: string, variables: Record<string, unknown> = {}): OperationAnalysis => {
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
    return analyseOperation(costModelOf(schema), document, operation, variables, 501);
  };

  it.each<[string, string, Record<string, unknown>, number]>([
    [
      // customerSignals 1 + deviceInsights 1 + status 0 + features 3000 x (Feature 1 + name 0 + value 0)
      'all of Credeau features (assumedSize 3000)',
      '{ customerSignals(id: "c") { deviceInsights { status features { name value } } } }',
      {},
      3002,
    ],
    [
      // customerSignals 1 + extractedSms 1 + totalCount 0 + edges 20 x (edge 1 + cursor 0 + node 1) + pageInfo 1
      'an SMS page of 20 (slicing argument first, sizedFields edges)',
      '{ customerSignals(id: "c") { extractedSms(first: 20) { totalCount edges { cursor node { body amount } } pageInfo { hasNextPage } } } }',
      {},
      43,
    ],
    [
      // as above with first's schema default 50: 1 + 1 + 50 x 2 + 1
      'an SMS page at the default first (the field default is a slicing value)',
      '{ customerSignals(id: "c") { extractedSms { edges { cursor node { body } } pageInfo { endCursor } } } }',
      {},
      103,
    ],
    [
      // 1 + 1 + 5 x (edge 1) + filter: SmsFilter input object 1 (+ its Boolean field 0)
      'an SMS page sized by a variable, with an input-object filter',
      'query($n: Int) { customerSignals(id: "c") { extractedSms(first: $n, filter: { transactionalOnly: true }) { edges { cursor } } } }',
      { n: 5 },
      8,
    ],
    [
      // first: null gives no slicing value; requireOneSlicingArgument is false, so assumedSize 50: 1 + 1 + 50
      'an SMS page with first: null (assumedSize)',
      '{ customerSignals(id: "c") { extractedSms(first: null) { edges { cursor } } } }',
      {},
      52,
    ],
    [
      // 1 + credolabScore 1 + scores 10 x 1 + fragments 50 x 1 + fraudCheck (1 + rules 50 x 1 + device 1)
      //   + fraudCheck's transactionInsight input object 1
      'Credolab scores, fragments and a fraud check',
      '{ customerSignals(id: "c") { credolabScore { score scores { code } fragments { code } ' +
        'fraudCheck(accountCode: "a", rulesetId: "r", transactionInsight: { eventId: "e" }) { result rules { type } device { os } } } } }',
      {},
      115,
    ],
    [
      // 1 + behaviorSignals (1 + signals 20 x 1) + finboxPredictors (1 + predictors 1000 x 1)
      'NeuroID signals and all FinBox predictors',
      '{ customerSignals(id: "c") { behaviorSignals { signals { model score } } finboxPredictors { status predictors { name value } } } }',
      {},
      1023,
    ],
    [
      // two roots, each customerSignals 1 + deviceInsights 1 through the same fragment; __typename 0
      'aliases through a named fragment',
      '{ a: customerSignals(id: "1") { ...S } b: customerSignals(id: "2") { ...S } } fragment S on Customer { __typename deviceInsights { featureCount } }',
      {},
      4,
    ],
    [
      // deviceInsights under @skip(if: true) is 0: 1 + behaviorSignals 1
      'a skipped field',
      '{ customerSignals(id: "c") { deviceInsights @skip(if: true) { status } behaviorSignals { status } } }',
      {},
      2,
    ],
  ])('%s', (_label, query, variables, expected) => {
    expect(analyse(query, variables).cost).toBe(expected);
  });

  it('counts a fragment at every spread, as the router does, without walking it at every spread', () => {
    // F0 costs deviceInsights 1; F(k) spreads F(k-1) twice: F30 = 2^30; plus customerSignals 1.
    const levels = 30;
    const fragments = [`fragment F0 on Customer { deviceInsights { status } }`];
    for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Customer { ...F${i - 1} ...F${i - 1} }`);
    const query = `{ customerSignals(id: "c") { ...F${levels} } } ${fragments.join(' ')}`;
    expect(query.length).toBeLessThan(2048);
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const started = process.hrtime.bigint();
    const analysis = analyseOperation(costModelOf(schema), document, operation, {}, 501);
    // Walking every spread would take hours (2^30 paths); memoised it is 31 fragment analyses.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
    expect(analysis.cost).toBe(1 + 2 ** levels);
    expect(analysis.vendorCalls).toBe(1);
  });

  describe('where this subgraph knows more than the spec (README, "Cost limits")', () => {
    it('counts the names a features(names:) list selects, where the router assumes 3000', () => {
      // 1 + 1 + 2 x 1; the router: 1 + 1 + 3000 x 1 = 3002 (it cannot size a [String!] argument)
      expect(analyse('{ customerSignals(id: "c") { deviceInsights { features(names: ["a", "b"]) { name } } } }').cost).toBe(4);
    });

    it('sizes _entities by its representations and counts vendor calls and items per customer', () => {
      const representations = [1, 2, 3].map((i) => ({ __typename: 'Customer', id: `e${i}` }));
      const analysis = analyse(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { deviceInsights { status } finboxPredictors { predictors(names: ["a", "b"]) { name } } } } }',
        { r: representations },
      );
      // 3 x (_Entity 1 + deviceInsights 1 + finboxPredictors (1 + 2 x Predictor 1)); _Any arguments cost 0
      expect(analysis.cost).toBe(15);
      expect(analysis.entities).toBe(3);
      expect(analysis.vendorCalls).toBe(6);
      // 3 representations, each with 2 predictors
      expect(analysis.responseItems).toBe(9);
    });
  });
});

describe('a connection fragment reused at different page sizes', () => {
  it('is costed at each size from one analysis', async () => {
    const schema = await buildCustomerSignalsSchema();
    const document = parse(
      '{ customerSignals(id: "c") { a: extractedSms(first: 2) { ...Page } b: extractedSms(first: 7) { ...Page } } } ' +
        'fragment Page on ExtractedSmsConnection { totalCount edges { cursor node { body } } }',
    );
    expect(validate(schema, document)).toEqual([]);
    const analysis = analyseOperation(costModelOf(schema), document, document.definitions[0] as OperationDefinitionNode, {}, 501);
    // customerSignals 1 + a (1 + 2 x (edge 1 + node 1)) + b (1 + 7 x 2)
    expect(analysis.cost).toBe(1 + 5 + 15);
    // 2 + 7 edges; two argument sets of extractedSms
    expect(analysis.responseItems).toBe(9);
    expect(analysis.vendorCalls).toBe(2);
  });
});
