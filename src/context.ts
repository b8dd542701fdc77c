import { CredeauDatasource, type CredeauConnection } from './datasources/credeau/credeau.datasource';
import { Deadline } from './datasources/http/deadline';

/** Long-lived vendor connections (pools, credentials, token managers), built once at start-up. */
export interface VendorConnections {
  credeau: CredeauConnection;
}

/** Per-vendor datasources of one operation; each owns its DataLoaders. */
export interface DataSources {
  credeau: CredeauDatasource;
}

export interface RequestContext {
  deadline: Deadline;
  dataSources: DataSources;
}

/**
 * Builds a fresh context for every operation: new datasources and loaders, so nothing cached for one
 * operation (or one caller) is ever served to another.
 */
export function createContextFactory(connections: VendorConnections, operationTimeoutMs: number) {
  return async (): Promise<RequestContext> => {
    const deadline = new Deadline(operationTimeoutMs);
    return {
      deadline,
      dataSources: {
        credeau: new CredeauDatasource(connections.credeau, deadline),
      },
    };
  };
}
