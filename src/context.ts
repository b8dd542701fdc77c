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
 * operation (or one caller) is ever served to another.
 */
export function createContextFactory(connections: VendorConnections, operationTimeoutMs: number) {
  return async (): Promise<RequestContext> => {
    const deadline = new Deadline(operationTimeoutMs);
    return { deadline, dataSources: createDataSources(connections, deadline) };
  };
}
