import type { Deadline } from './datasources/http/deadline';
import type { Principal } from './security/principal';
import type { Accountability } from './accountability/accountability';

/**
 * What every operation's resolvers and plugins get, over whichever datasources they need. Vendor
 * resolvers name only their own vendor's (`OperationContext<{ credeau: CredeauDatasource }>`), so they do
 * not import the registry that imports them; src/context.ts binds the registry's full set (`RequestContext`).
 */
export interface OperationContext<DataSources extends object = object> {
  deadline: Deadline;
  dataSources: DataSources;
  /** The verified JWT caller (src/security/); undefined when JWT verification is not configured. */
  principal?: Principal;
  /** Evidence reads, the access log and erasure (src/accountability/). */
  accountability: Accountability;
  /** Who the client says it is (Apollo's client-awareness headers) and the operation it ran: for the access log. */
  client: ClientIdentity;
}

export interface ClientIdentity {
  name: string | undefined;
  version: string | undefined;
  operationName: string | undefined;
}
