/**
 * What a vendor's auth hook sees of one outgoing attempt: which call it is and its headers, to add the
 * vendor's credentials to. The hook runs just before every attempt is sent (retries and polls included),
 * like RESTDataSource's `willSendRequest`, so no datasource writes a credential itself.
 */
export interface OutgoingRequest {
  /** Short label of the call, e.g. "insights" (never the path: it can hold a customer id). */
  readonly operation: string;
  /**
   * A session credential the vendor's own code obtained for this call (Credolab's access token, from its
   * login); absent for vendors whose credentials are fixed.
   */
  readonly sessionToken?: string;
  headers: Record<string, string>;
}

/** Adds a vendor's credentials to an outgoing request: the only writer of its secret headers. */
export type AuthHook = (request: OutgoingRequest) => void;
