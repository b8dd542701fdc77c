import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { MAX_REPRESENTATION_ID_LENGTH } from '../../src/demand-control/representations';
import { resetVendorCalls, vendorCalls } from './security-support';

const ALL_VENDOR_FIELDS = `... on Customer { id
  deviceInsights { status } extractedSms(first: 1) { totalCount } finboxPredictors { status }
  credolabScore { status } behaviorSignals { status } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ${ALL_VENDOR_FIELDS} } }`;

describe('bad input is refused before any vendor call', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => resetVendorCalls(subgraph.simulators));

  it.each([
    ['without id', { __typename: 'Customer' }],
    ['with a null id', { __typename: 'Customer', id: null }],
    ['with an object id', { __typename: 'Customer', id: { a: 1 } }],
    ['with a number id', { __typename: 'Customer', id: 12345 }],
    ['with an empty id', { __typename: 'Customer', id: '' }],
    ['with an over-long id', { __typename: 'Customer', id: 'x'.repeat(MAX_REPRESENTATION_ID_LENGTH + 1) }],
    ['of another __typename', { __typename: 'Account', id: 'acc-1' }],
    ['without __typename', { id: 'cust-1' }],
    ['that is not an object', 'cust-1'],
  ])('a representation %s: BAD_USER_INPUT, 0 vendor calls', async (_label, representation) => {
    const res = await subgraph.query(ENTITIES, { r: [{ __typename: 'Customer', id: 'good-1' }, representation] });
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining('representation 1'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(vendorCalls(subgraph.simulators)).toBe(0);
  });

  it('checks representations written inline, inside fragments, and from a variable default', async () => {
    const inline = await subgraph.query(`{ _entities(representations: [{ __typename: "Customer" }]) { ${ALL_VENDOR_FIELDS} } }`);
    expect(inline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fragment = await subgraph.query(
      `query($r: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $r) { ${ALL_VENDOR_FIELDS} } }`,
      { r: [{ __typename: 'Customer', id: { a: 1 } }] },
    );
    expect(fragment.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const defaulted = await subgraph.query(`query($r: [_Any!]! = [{ __typename: "Order", id: "o-1" }]) { _entities(representations: $r) { ${ALL_VENDOR_FIELDS} } }`);
    expect(defaulted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(vendorCalls(subgraph.simulators)).toBe(0);
  });

  it('names the problem, never the representation content', async () => {
    const res = await subgraph.query(ENTITIES, { r: [{ __typename: 'Customer', id: { email: 'leak@example.test' } }] });
    expect(res.errors?.[0]?.message).not.toContain('leak@example.test');
  });

  it('still resolves good representations', async () => {
    const res = await subgraph.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }', {
      r: [{ __typename: 'Customer', id: 'good-1' }, { __typename: 'Customer', id: 'x'.repeat(MAX_REPRESENTATION_ID_LENGTH) }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toHaveLength(2);
  });

  it.each([
    ['that is an e-mail', 'jane.doe@example.com'],
    ['that is a phone number', '+919876543210'],
    ['that is a phone number without +', '9876543210'],
    ['that is a phone number with dashes', '503-224-6010'],
    ['holding a /', 'ref/../../account'],
    ['holding a ?', 'ref?x=1'],
    ['holding a #', 'ref#frag'],
    ['holding a %', 'ref%2F..'],
  ])('a Credolab reference number %s: BAD_USER_INPUT, 0 Credolab calls', async (_label, referenceNumber) => {
    const res = await subgraph.query('query($ref: String) { customerSignals(id: "ref-cust") { credolabScore(referenceNumber: $ref) { status } } }', { ref: referenceNumber });
    expect(res.data?.customerSignals.credolabScore).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', vendor: 'CREDOLAB' });
    expect(res.errors?.[0]?.message).not.toContain(referenceNumber);
    expect(subgraph.simulators.credolab.calls).toHaveLength(0);
  });

  it('a Credolab reference number taken from a customer id is held to the same rule', async () => {
    const res = await subgraph.query('{ customerSignals(id: "jane@example.com") { credolabScore { status } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', vendor: 'CREDOLAB' });
    expect(subgraph.simulators.credolab.calls).toHaveLength(0);
  });

  it('accepts an ordinary reference number', async () => {
    const res = await subgraph.query('{ customerSignals(id: "ref-cust") { credolabScore(referenceNumber: "app:2024.ref_1-a") { status } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.credolabScore.status).toBe('COMPLETE');
  });

  it.each(['.', '..'])('FinBox refuses the customer id %j: BAD_USER_INPUT, 0 FinBox calls', async (id) => {
    const res = await subgraph.query('query($id: ID!) { customerSignals(id: $id) { finboxPredictors { status } } }', { id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', vendor: 'FINBOX' });
    expect(subgraph.simulators.finbox.calls).toHaveLength(0);
  });
});
