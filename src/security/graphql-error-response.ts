import type { Request, Response } from 'express';
import { acceptsGraphQLResponseJson, refusalStatus } from './refusal-status';

/**
 * Answers a request refused before GraphQL runs (no secret, bad token, unreadable body) the way GraphQL
 * clients read errors: `{"errors":[{"message","extensions":{"code","retryable":false}}]}`. The message is
 * ours and fixed: never the request's content, a stack trace or a file path. Refusals (4xx) say
 * `retryable: false`; a 500 says nothing about retrying. These keep their HTTP status
 * (401, 403, 413, 415, 400 for a body that is not JSON) under every Accept header: the request is not a
 * well-formed GraphQL request or not allowed to be one, and sending it again unchanged cannot succeed.
 */
export function sendGraphQLError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...(status < 500 ? { retryable: false } : {}) } }] }));
}

/**
 * Refuses a well-formed GraphQL request before Apollo sees it (e.g. variables nested too deep) exactly as
 * Apollo's own refusals are answered: 400 under `application/graphql-response+json`, 200 otherwise
 * (src/security/refusal-status.ts), with the matching content type.
 */
export function sendGraphQLRefusal(req: Request, res: Response, code: string, message: string): void {
  const accept = req.headers.accept;
  res
    .status(refusalStatus(400, accept))
    .type(`${acceptsGraphQLResponseJson(accept) ? 'application/graphql-response+json' : 'application/json'}; charset=utf-8`)
    .send(JSON.stringify({ errors: [{ message, extensions: { code, retryable: false } }] }));
}
