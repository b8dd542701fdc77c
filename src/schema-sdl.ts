import { printSubgraphSchema } from '@apollo/subgraph';
import { buildCustomerSignalsSchema } from './schema';

/** The subgraph SDL as committed in schema.graphql and served by `_service { sdl }`. */
export async function printSubgraphSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildCustomerSignalsSchema()).trim()}\n`;
}
