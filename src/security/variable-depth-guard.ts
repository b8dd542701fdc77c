import type { RequestHandler } from 'express';
import { sendGraphQLRefusal } from './graphql-error-response';

/**
 * Refuses variables nested deeper than `maxDepth` (arrays and objects) before Apollo sees them:
 * graphql-js coerces input values recursively, and a variable nested 100,000 deep overflowed the stack
 * (RangeError, a 500 and an error-level log line). The walk keeps its own stack and visits each value
 * once, so it is linear in the body's size, and it stops at the first value past the limit. POST bodies
 * arrive parsed by express.json (V8's JSON.parse does not recurse); GET variables are parsed here the
 * way Apollo will parse them, and left to Apollo when they are not JSON.
 */
export function variableDepthGuard(maxDepth: number): RequestHandler {
  return (req, res, next) => {
    const variables = req.method === 'GET' ? parsedQueryVariables(req.query.variables) : (req.body as { variables?: unknown } | undefined)?.variables;
    if (depthExceeds(variables, maxDepth)) {
      sendGraphQLRefusal(req, res, 'BAD_USER_INPUT', `Variables may be nested at most ${maxDepth} levels deep`);
      return;
    }
    next();
  };
}

/** True when `value` holds an array or object more than `maxDepth` levels deep (the top level is 1). */
export function depthExceeds(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

function parsedQueryVariables(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
