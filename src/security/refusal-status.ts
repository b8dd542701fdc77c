import Negotiator from 'negotiator';

/** The media types a single GraphQL result can be sent as, in Apollo Server's order of preference. */
const RESULT_MEDIA_TYPES = ['application/json', 'application/graphql-response+json'];

/**
 * Whether the client asked for `application/graphql-response+json` over `application/json`. The same
 * library and list as Apollo Server's own content-type choice, so the status we pick always matches the
 * content type Apollo sends. No Accept header and `*\/*` (what @apollo/gateway 2.14 sends) mean
 * `application/json`.
 */
export function acceptsGraphQLResponseJson(accept: string | null | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(RESULT_MEDIA_TYPES) === 'application/graphql-response+json';
}

/**
 * The HTTP status of a refused, well-formed GraphQL request (parse, validation, variables, cost and
 * entity limits), per GraphQL over HTTP: under `application/graphql-response+json` a response without
 * `data` is 4xx; under `application/json` it is 200, because legacy clients and gateways (@apollo/gateway
 * drops the GraphQL errors of any non-2xx answer) read only the body. 405 (GET for a non-query) stays: it
 * is about the HTTP method, and its `Allow` header means nothing on a 200.
 */
export function refusalStatus(status: number, accept: string | null | undefined): number {
  if (status < 400 || status > 499 || status === 405) return status;
  return acceptsGraphQLResponseJson(accept) ? status : 200;
}
