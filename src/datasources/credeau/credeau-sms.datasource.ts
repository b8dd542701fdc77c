import type DataLoader from 'dataloader';
import { BadUserInputError } from '../../errors';
import type { ExtractedSmsConnection } from '../../types/credeau/extracted-sms-connection.type';
import type { ExtractedSmsArgs } from '../../types/credeau/extracted-sms-args.type';
import type { ExtractedSms } from '../../types/credeau/extracted-sms.type';
import type { Deadline } from '../http/deadline';
import { createVendorLoader, type WithFreshness } from '../vendor-loader';
import { maxAgeMsOf, maxStaleMsOf } from '../../store/max-age';
import { credeauSmsStored, type SmsList } from './credeau.stored';
import { assertCredeauUserId } from './credeau.input';
import type { CredeauConnection } from './credeau.datasource';
import { toExtractedSmsList } from './credeau-sms.mapper';
import { pageOfSms, parseSmsPageRequest } from './credeau-sms.paging';
import type { CredeauSmsRequest } from './credeau-sms.wire';
import { credeauProducts } from './credeau.config';

/** What Credeau is asked for: the threshold changes the list it extracts, so it is part of the key. */
interface SmsListKey {
  userId: string;
  threshold: number | null;
  maxAgeMs: number | undefined;
  maxStaleMs: number | undefined;
}

/** Threshold, age and staleness first: a user id cannot contain "/", so no two keys collide. */
function listCacheKey(key: SmsListKey): string {
  return `${key.threshold ?? ''}/${key.maxAgeMs ?? ''}/${key.maxStaleMs ?? ''}/${key.userId}`;
}

/**
 * Credeau SMS extraction for one GraphQL operation. Credeau answers with a customer's whole list, so
 * the loader fetches it once per (customer, threshold) per operation and every page, filter and alias
 * is cut from that one list; the shared signal store (`credeau-sms`, CREDEAU_SMS_CACHE_TTL_MS) then serves
 * the next pages' operations from the same snapshot, so cursors stay consistent. It shares the long-lived CredeauConnection (pool, credentials, retries)
 * with DeviceInsights. The list holds message bodies: nothing here logs a record.
 */
export class CredeauSmsDatasource {
  private readonly listLoader: DataLoader<SmsListKey, WithFreshness<SmsList>, string>;

  constructor(
    private readonly connection: CredeauConnection,
    deadline: Deadline,
  ) {
    this.listLoader = createVendorLoader({
      vendor: 'CREDEAU',
      product: credeauProducts.sms.name,
      cacheKey: listCacheKey,
      concurrency: connection.settings.http.concurrency,
      deadline,
      fetch: async (key, budget) => ({ records: await this.fetchList(key, budget) }),
      stored: {
        store: connection.store,
        descriptor: credeauSmsStored,
        // Message bodies are personal data; the key holds only the customer id (hashed) and the threshold.
        storeKeyOf: (key) => ({ customerId: key.userId, args: key.threshold === null ? undefined : `threshold=${key.threshold}` }),
        maxAgeMs: (key) => key.maxAgeMs,
        maxStaleMs: (key) => key.maxStaleMs,
      },
      evidence: { sink: connection.evidence, customerId: (key) => key.userId, arguments: (key) => ({ threshold: key.threshold }) },
    });
  }

  /** Every argument is checked before Credeau is called: bad input is BAD_USER_INPUT and costs no call. */
  async extractedSms(userId: string, args: ExtractedSmsArgs): Promise<WithFreshness<Omit<ExtractedSmsConnection, 'retrievedAt' | 'fromCache' | 'stale' | 'evidenceId'>>> {
    assertCredeauUserId(userId);
    const threshold = args.threshold ?? null;
    if (threshold !== null && (!Number.isInteger(threshold) || threshold < 1)) {
      throw new BadUserInputError('extractedSms: `threshold` must be a whole number of messages, at least 1', 'CREDEAU');
    }
    const maxAgeMs = maxAgeMsOf(args.maxAge, 'extractedSms', 'CREDEAU');
    const maxStaleMs = maxStaleMsOf(args.maxStale, 'extractedSms', 'CREDEAU');
    const page = parseSmsPageRequest(args, this.connection.settings.smsMaxPageSize);
    const { records, ...provenance } = await this.listLoader.load({ userId, threshold, maxAgeMs, maxStaleMs });
    return { ...pageOfSms(records, page), ...provenance };
  }

  private async fetchList({ userId, threshold }: SmsListKey, budget: Deadline): Promise<ExtractedSms[]> {
    const body: CredeauSmsRequest = {
      user_id: userId,
      client_id: this.connection.credentials.clientId,
      ...(threshold !== null ? { cnt_sms_threshold: threshold } : {}),
    };
    const response = await this.connection.client.request({
      method: 'POST',
      path: '/api/fetch_extracted_data',
      json: body,
      deadline: budget,
      operation: 'fetch_extracted_data',
    });
    return toExtractedSmsList(response.body, userId, this.connection.settings.timestampOffset);
  }
}
