import type { IncomingMessage, ServerResponse } from 'node:http';
import { Deadline } from './datasources/http/deadline';
import type { Principal } from './security/principal';
import { createDataSources, type DataSources, type VendorConnections } from './vendors/registry';

export type { DataSources, VendorConnections } from './vendors/registry';

export interface RequestContext {
  deadline: Deadline;
  dataSources: DataSources;
  /** The verified JWT caller (src/security/); undefined when JWT verification is not configured. */
  principal?: Principal;
}

/**
 * Builds a fresh context for every operation: new datasources and loaders, so nothing cached for one
 * operation (or one caller) is ever served to another. A client that goes away before its answer is
 * written cancels the operation's Deadline: its own vendor calls, retries and polls stop (shared
 * flights other operations wait on run under their own budget and go on).
 */
export function createContextFactory(connections: VendorConnections, operationTimeoutMs: number) {
  return async (http?: { req: IncomingMessage; res: ServerResponse }): Promise<RequestContext> => {
    const deadline = new Deadline(operationTimeoutMs);
    const res = http?.res;
    if (res) {
      res.once('close', () => {
        if (!res.writableFinished) deadline.cancel('the client closed the connection');
      });
    }
    return { deadline, dataSources: createDataSources(connections, deadline) };
  };
}
