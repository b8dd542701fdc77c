import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import type { RouterInvalidationConfig } from '../config';
import type { Logger } from '../logger';

/** What became of one invalidation: told the router, had no router to tell, or could not tell it. */
export type InvalidationOutcome = 'sent' | 'not-configured' | 'failed';

/** The invalidation answer is `{"count": n}` (Apollo Router answers 202); anything longer is not read. */
const MAX_ANSWER_BYTES = 4_096;

/**
 * Tells Apollo Router's response cache to drop every entry tagged with a customer's cache tag
 * (CustomerCacheTags), through the router's invalidation endpoint: a POST of
 * `[{"kind":"cache_tag","subgraphs":["<ROUTER_SUBGRAPH_NAME>"],"cache_tag":"<tag>"}]` with the shared key
 * as the whole `Authorization` header (the router compares it to `invalidation.shared_key` as is, no
 * scheme). What must stay true:
 * - The key never reaches a log line, an error message or a metric; log lines carry the status only.
 * - Invalidation is idempotent, so a network error or a 5xx is retried (ROUTER_INVALIDATION_MAX_RETRIES,
 *   doubling from ROUTER_INVALIDATION_RETRY_BASE_MS); a 4xx (a wrong key, a subgraph name the router
 *   does not know) is not: it will not get better.
 * - Each attempt is bounded by ROUTER_INVALIDATION_TIMEOUT_MS; the caller's receipt says `failed` rather
 *   than waiting on a router that does not answer.
 */
export class RouterInvalidation {
  constructor(
    private readonly config: Readonly<RouterInvalidationConfig>,
    private readonly logger: Logger,
  ) {}

  get configured(): boolean {
    return this.config.url !== undefined && this.config.key !== undefined;
  }

  async invalidateCacheTag(tag: string): Promise<InvalidationOutcome> {
    const { url, key } = this.config;
    if (url === undefined || key === undefined) return 'not-configured';
    const body = JSON.stringify([{ kind: 'cache_tag', subgraphs: [this.config.subgraphName], cache_tag: tag }]);
    for (let attempt = 0; ; attempt += 1) {
      const status = await this.attempt(url, key, body);
      if (status !== undefined && status >= 200 && status < 300) return 'sent';
      const retryable = status === undefined || status >= 500;
      if (!retryable || attempt >= this.config.maxRetries) {
        this.logger.warn({ status: status ?? 'network', attempts: attempt + 1 }, 'router cache invalidation failed');
        return 'failed';
      }
      await sleep(this.config.retryBaseMs * 2 ** attempt);
    }
  }

  /** The answer's status, or undefined when none came (refused, reset, timed out). */
  private async attempt(url: string, key: string, body: string): Promise<number | undefined> {
    try {
      const answer = await request(url, {
        method: 'POST',
        headers: { authorization: key, 'content-type': 'application/json', accept: 'application/json' },
        body,
        headersTimeout: this.config.timeoutMs,
        bodyTimeout: this.config.timeoutMs,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await drain(answer.body);
      return answer.statusCode;
    } catch {
      // The error may name the URL; only its absence of an answer matters here.
      return undefined;
    }
  }
}

/** Reads (and drops) the answer so the connection can be reused, at most MAX_ANSWER_BYTES of it. */
async function drain(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<void> {
  let read = 0;
  for await (const chunk of body) {
    read += chunk.length;
    if (read > MAX_ANSWER_BYTES) {
      body.destroy();
      return;
    }
  }
}
