import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { cacheTagsPlugin } from '../../src/erasure/cache-tags.plugin';
import { CustomerCacheTags } from '../../src/erasure/customer-cache-tags';

const KEY = Buffer.alloc(32, 7).toString('base64');

/** A small subgraph with this one's Customer entity and root field, plus a foreign entity. */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Customer @key(fields: "id") { id: ID! score: Int }
  type Device @key(fields: "id") { id: ID! }
  type Query { customerSignals(id: ID!): Customer }
`);
const resolvers = {
  Query: { customerSignals: (_: unknown, { id }: { id: string }) => ({ id }) },
  Customer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), score: () => 7 },
  Device: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};

describe('cache tags plugin through ApolloServer.executeOperation', () => {
  const tags = new CustomerCacheTags(KEY);
  let server: ApolloServer;
  beforeAll(async () => {
    server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }), plugins: [cacheTagsPlugin(tags)] });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }

  it('tags each _entities representation in order: the customer tag for a Customer, none for anything else', async () => {
    const result = await run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { score } } }', {
      r: [{ __typename: 'Customer', id: 'c-1' }, { __typename: 'Device', id: 'd-1' }, { __typename: 'Customer', id: 'c-2' }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.apolloEntityCacheTags).toEqual([[tags.tagFor('c-1')], [], [tags.tagFor('c-2')]]);
    expect(result.extensions?.apolloCacheTags).toBeUndefined();
  });

  it('tags root customerSignals answers with a flat list, from variables, literals and fragments', async () => {
    const result = await run(
      'query($id: ID!) { a: customerSignals(id: $id) { id } ...More } fragment More on Query { b: customerSignals(id: "c-4") { score } }',
      { id: 'c-3' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.apolloCacheTags).toEqual([tags.tagFor('c-3'), tags.tagFor('c-4')]);
    expect(result.extensions?.apolloEntityCacheTags).toBeUndefined();
  });

  it('puts no readable id in a tag, and tags a customer alike under the same key material', () => {
    const tag = tags.tagFor('c-1');
    expect(tag).toMatch(/^signals-customer-[0-9a-f]{32}$/);
    expect(tag).not.toContain('c-1');
    expect(new CustomerCacheTags(KEY).tagFor('c-1')).toBe(tag);
    expect(new CustomerCacheTags(Buffer.alloc(32, 8).toString('base64')).tagFor('c-1')).not.toBe(tag);
    expect(new CustomerCacheTags().tagFor('c-1')).not.toBe(tag);
  });

  it('adds nothing to an operation that reads no customer', async () => {
    const result = await run('{ __typename }');
    expect(result.extensions).toBeUndefined();
  });
});
