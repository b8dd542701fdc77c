import { CredeauDatasource, type CredeauConnection } from './datasources/credeau/credeau.datasource';
import { CredolabDatasource, type CredolabConnection } from './datasources/credolab/credolab.datasource';
import { NeuroidDatasource, type NeuroidConnection } from './datasources/neuroid/neuroid.datasource';
import { CredeauSmsDatasource } from './datasources/credeau/credeau-sms.datasource';
import { FinboxDatasource, type FinboxConnection } from './datasources/finbox/finbox.datasource';
import { Deadline } from './datasources/http/deadline';

/** Long-lived vendor connections (pools, credentials, token managers), built once at start-up. */
export interface VendorConnections {
  credeau: CredeauConnection;
  /** Holds the shared Credolab token manager. */
  credolab: CredolabConnection;
  neuroid: NeuroidConnection;
  finbox: FinboxConnection;
}

/** Per-vendor datasources of one operation; each owns its DataLoaders. */
export interface DataSources {
  credeau: CredeauDatasource;
  credolab: CredolabDatasource;
  neuroid: NeuroidDatasource;
  /** Credeau SMS extraction: same connection as `credeau`, its own loader keyed by (customer, threshold). */
  credeauSms: CredeauSmsDatasource;
  finbox: FinboxDatasource;
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
        credolab: new CredolabDatasource(connections.credolab, deadline),
        neuroid: new NeuroidDatasource(connections.neuroid, deadline),
        credeauSms: new CredeauSmsDatasource(connections.credeau, deadline),
        finbox: new FinboxDatasource(connections.finbox, deadline),
      },
    };
  };
}
