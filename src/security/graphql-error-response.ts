import type { Response } from 'express';

/**
 * Answers a request refused before GraphQL runs (no secret, bad token, unreadable body) the way GraphQL
 * clients read errors: `{"errors":[{"message","extensions":{"code"}}]}`. The message is ours and fixed:
 * never the request's content, a stack trace or a file path.
 */
export function sendGraphQLError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
