// The README's typed-client example: a front end asking for one customer's Credeau feature count with the
// operation generated from operations/device-insights.graphql. test/e2e/typed-client.test.ts type-checks
// it as browser code against client/generated and runs it against the subgraph.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CustomerDeviceInsightsDocument } from '../generated/graphql';

export async function request<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const body = JSON.stringify({ query: print(document), variables });
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return ((await response.json()) as { data: R }).data;
}

export async function featureCountOf(url: string, id: string): Promise<number | null> {
  const { customerSignals } = await request(url, CustomerDeviceInsightsDocument, { id }); // variables checked
  return customerSignals.deviceInsights?.featureCount ?? null; // typed number, from the generated result type
}
