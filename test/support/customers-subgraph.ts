import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/** The other team's customers subgraph, as it composes with ours: it owns Customer { id name } and Query.customer. */
export const CUSTOMERS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Customer @key(fields: "id") { id: ID! name: String! }
  type Query { customer(id: ID!): Customer  customers(ids: [ID!]!): [Customer!]! }
`;

const nameOf = (id: string) => `Customer ${id}`;

export async function startCustomersSubgraph(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(CUSTOMERS_SDL),
        resolvers: {
          Query: {
            customer: (_: unknown, { id }: { id: string }) => ({ id, name: nameOf(id) }),
            customers: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id, name: nameOf(id) })),
          },
          Customer: { __resolveReference: ({ id }: { id: string }) => ({ id, name: nameOf(id) }) },
        },
      },
    ]),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
