import type { IncomingMessage, ServerResponse } from 'node:http';
import { Deadline } from './datasources/http/deadline';
import type { Accountability } from './accountability/accountability';
import type { ClientIdentity, OperationContext } from './operation-context';
import { createDataSources, VENDORS, type DataSources, type VendorConnections, type VendorSet } from './vendors/registry';

export type { DataSources, VendorConnections } from './vendors/registry';
export type { ClientIdentity } from './operation-context';

/** The context of one operation of this subgraph: every registered vendor's datasources. */
export type RequestContext = OperationContext<DataSources>;

/**
 * Builds a fresh context for every operation: new datasources and loaders, so nothing cached for one
 * operation (or one caller) is ever served to another. A client that goes away before its answer is
 * written cancels the operation's Deadline: its own vendor calls, retries and polls stop (shared
 * flights other operations wait on run under their own budget and go on).
 */
export function createContextFactory(connections: VendorConnections, operationTimeoutMs: number, accountability: Accountability, vendors: VendorSet = VENDORS) {
  return async (http?: { req: IncomingMessage; res: ServerResponse }): Promise<RequestContext> => {
    const deadline = new Deadline(operationTimeoutMs);
    const res = http?.res;
    if (res) {
      res.once('close', () => {
        if (!res.writableFinished) deadline.cancel('the client closed the connection');
      });
    }
    return { deadline, dataSources: createDataSources(connections, deadline, vendors), accountability, client: clientIdentityOf(http?.req) };
  };
}

/** Header values are the client's claims, bounded so a huge header cannot swell the access log. */
const MAX_CLIENT_FIELD = 128;

function clientIdentityOf(req: IncomingMessage | undefined): ClientIdentity {
  const header = (name: string) => {
    const value = req?.headers[name];
    return typeof value === 'string' && value !== '' ? value.slice(0, MAX_CLIENT_FIELD) : undefined;
  };
  // The operation's name is known once Apollo resolved the operation (src/accountability/access-log.plugin.ts).
  return { name: header('apollographql-client-name'), version: header('apollographql-client-version'), operationName: undefined };
}
