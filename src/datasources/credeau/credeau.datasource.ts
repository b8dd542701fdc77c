import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { credeauProducts, type CredeauConfig } from './credeau.config';
import type { DeviceInsightsRecord } from '../../types/credeau/device-insights.type';
import { InsightStatus } from '../../types/insight-status.type';
import type { Deadline } from '../http/deadline';
import { pollUntilSettled } from '../http/poll-until-settled';
import type { VendorHttpClient } from '../http/vendor-http-client';
import { createVendorLoader, type WithFreshness } from '../vendor-loader';
import type { SignalStore } from '../../store/signal-store';
import type { EvidenceSink } from '../evidence-sink';
import { maxAgeMsOf, maxStaleMsOf } from '../../store/max-age';
import { credeauInsightsStored } from './credeau.stored';
import { assertCredeauUserId } from './credeau.input';
import { toDeviceInsights } from './credeau.mapper';
import { CREDEAU_GROUPINGS, type CredeauInsightsRequest } from './credeau.wire';

/** Long-lived Credeau pieces, built once at start-up and shared by every operation. */
export interface CredeauConnection {
  client: VendorHttpClient;
  credentials: { clientId: string; authToken: string };
  settings: Pick<CredeauConfig, 'insightsMode' | 'pollIntervalMs' | 'pollTimeoutMs' | 'timestampOffset' | 'smsMaxPageSize' | 'http'>;
  logger: Logger;
  /** The shared signal store (DeviceInsights and SMS lists). */
  store: SignalStore;
  /** The evidence ledger every answer of this vendor is stamped by (through the loader seam). */
  evidence: EvidenceSink;
}

interface InsightsKey {
  userId: string;
  maxAgeMs: number | undefined;
  maxStaleMs: number | undefined;
}

/**
 * Credeau for one GraphQL operation. Its DataLoader fetches each customer once per operation (aliases
 * and repeated `_entities` representations included) and distinct customers concurrently, bounded by
 * CREDEAU_CONCURRENCY. This file is the only one that knows Credeau's URLs and headers.
 */
export class CredeauDatasource {
  private readonly insightsLoader: DataLoader<InsightsKey, WithFreshness<DeviceInsightsRecord>, string>;

  constructor(
    private readonly connection: CredeauConnection,
    deadline: Deadline,
  ) {
    this.insightsLoader = createVendorLoader({
      vendor: 'CREDEAU',
      product: credeauProducts.insights.name,
      cacheKey: (key) => `${key.maxAgeMs ?? ''}/${key.maxStaleMs ?? ''}/${key.userId}`,
      concurrency: connection.settings.http.concurrency,
      deadline,
      fetch: (key, budget) => this.fetchInsights(key.userId, budget),
      stored: {
        store: connection.store,
        descriptor: credeauInsightsStored,
        storeKeyOf: (key) => ({ customerId: key.userId }),
        maxAgeMs: (key) => key.maxAgeMs,
        maxStaleMs: (key) => key.maxStaleMs,
      },
      evidence: { sink: connection.evidence, customerId: (key) => key.userId, arguments: () => ({}) },
    });
  }

  /** Validates the id before anything is sent: a bad id is BAD_USER_INPUT, never a vendor call. */
  deviceInsights(userId: string, maxAge?: number | null, maxStale?: number | null): Promise<WithFreshness<DeviceInsightsRecord>> {
    assertCredeauUserId(userId);
    const maxAgeMs = maxAgeMsOf(maxAge, 'deviceInsights', 'CREDEAU');
    const maxStaleMs = maxStaleMsOf(maxStale, 'deviceInsights', 'CREDEAU');
    return this.insightsLoader.load({ userId, maxAgeMs, maxStaleMs });
  }

  /** The body shared by both insights endpoints (the credentials' headers are credeau.vendor.ts's auth hook's). */
  private requestBody(userId: string): CredeauInsightsRequest {
    return { user_id: userId, client_id: this.connection.credentials.clientId, groupings: CREDEAU_GROUPINGS };
  }

  private async fetchInsights(userId: string, deadline: Deadline): Promise<DeviceInsightsRecord> {
    const { insightsMode, timestampOffset } = this.connection.settings;
    const body = this.requestBody(userId);
    if (insightsMode === 'sync') {
      const response = await this.connection.client.request({
        method: 'POST', path: '/api/insights', json: body, deadline, operation: 'insights',
      });
      return toDeviceInsights(response.body, userId, timestampOffset);
    }
    return this.pollAsyncInsights(userId, body, deadline);
  }

  /** Polls while Credeau answers 202; IN_PROGRESS when the poll budget runs out. */
  private pollAsyncInsights(
    userId: string,
    body: CredeauInsightsRequest,
    deadline: Deadline,
  ): Promise<DeviceInsightsRecord> {
    const { pollIntervalMs, pollTimeoutMs, timestampOffset } = this.connection.settings;
    return pollUntilSettled({
      vendor: 'CREDEAU',
      intervalMs: pollIntervalMs,
      timeoutMs: pollTimeoutMs,
      deadline,
      poll: async () => {
        const response = await this.connection.client.request({
          method: 'POST', path: '/api/async_insights', json: body, deadline,
          acceptStatuses: [200, 202], operation: 'async_insights',
        });
        const record = toDeviceInsights(response.body, userId, timestampOffset);
        // A 202 is in progress whatever its message says.
        if (response.status === 202) return { value: { ...record, status: InsightStatus.IN_PROGRESS }, settled: false };
        return { value: record, settled: record.status !== InsightStatus.IN_PROGRESS };
      },
    });
  }
}
