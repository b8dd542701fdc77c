import type { EvidenceSink } from '../evidence-sink';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { finboxProducts, type FinboxConfig } from './finbox.config';
import type { FinboxPredictorsRecord } from '../../types/finbox/finbox-predictors.type';
import { InsightStatus } from '../../types/insight-status.type';
import type { Deadline } from '../http/deadline';
import { pollUntilSettled } from '../http/poll-until-settled';
import type { VendorHttpClient } from '../http/vendor-http-client';
import { createVendorLoader, type WithFreshness } from '../vendor-loader';
import { maxAgeMsOf, maxStaleMsOf } from '../../store/max-age';
import type { SignalStore } from '../../store/signal-store';
import { finboxStored } from './finbox.stored';
import { assertFinboxCustomerId, assertFinboxVersion } from './finbox.input';
import { toFinboxPredictors } from './finbox.mapper';
import { finboxSalt } from './finbox.salt';
import type { FinboxPredictorsRequest } from './finbox.wire';

/** Long-lived FinBox pieces, built once at start-up and shared by every operation. */
export interface FinboxConnection {
  client: VendorHttpClient;
  credentials: { apiKey: string; serverHash: string };
  settings: Pick<FinboxConfig, 'predictorsVersion' | 'pollIntervalMs' | 'pollTimeoutMs' | 'timestampOffset' | 'http'>;
  logger: Logger;
  store: SignalStore;
  /** The evidence ledger every answer of this vendor is stamped by (through the loader seam). */
  evidence: EvidenceSink;
}

interface PredictorsKey {
  customerId: string;
  version: number;
  maxAgeMs: number | undefined;
  maxStaleMs: number | undefined;
}

/**
 * FinBox DeviceConnect for one GraphQL operation. Its DataLoader fetches each (customer, version) once
 * per operation and distinct ones concurrently, bounded by FINBOX_CONCURRENCY. This file is the only one
 * that knows FinBox's path and headers. Retries (5xx, 429) happen in the HTTP layer per
 * FINBOX_RETRY_DELAYS_MS; polling (202 in_progress) happens here.
 */
export class FinboxDatasource {
  private readonly predictorsLoader: DataLoader<PredictorsKey, WithFreshness<FinboxPredictorsRecord>, string>;

  constructor(
    private readonly connection: FinboxConnection,
    deadline: Deadline,
  ) {
    this.predictorsLoader = createVendorLoader({
      vendor: 'FINBOX',
      product: finboxProducts.predictors.name,
      cacheKey: (key) => `${key.version}/${key.maxAgeMs ?? ''}/${key.maxStaleMs ?? ''}/${key.customerId}`,
      concurrency: connection.settings.http.concurrency,
      deadline,
      fetch: (key, budget) => this.pollPredictors(key, budget),
      stored: {
        store: connection.store,
        descriptor: finboxStored,
        storeKeyOf: (key) => ({ customerId: key.customerId, args: `version=${key.version}` }),
        maxAgeMs: (key) => key.maxAgeMs,
        maxStaleMs: (key) => key.maxStaleMs,
      },
      evidence: { sink: connection.evidence, customerId: (key) => key.customerId, arguments: (key) => ({ version: key.version }) },
    });
  }

  /** `version` defaults to FINBOX_PREDICTORS_VERSION. Input is checked before anything is sent. */
  async predictors(
    customerId: string,
    version?: number | null,
    maxAge?: number | null,
    maxStale?: number | null,
  ): Promise<WithFreshness<FinboxPredictorsRecord>> {
    assertFinboxCustomerId(customerId);
    const resolvedVersion = version ?? this.connection.settings.predictorsVersion;
    assertFinboxVersion(resolvedVersion);
    const maxAgeMs = maxAgeMsOf(maxAge, 'finboxPredictors', 'FINBOX');
    const maxStaleMs = maxStaleMsOf(maxStale, 'finboxPredictors', 'FINBOX');
    return this.predictorsLoader.load({ customerId, version: resolvedVersion, maxAgeMs, maxStaleMs });
  }

  /** Polls while FinBox answers 202 `in_progress`; IN_PROGRESS when the poll budget runs out. */
  private pollPredictors(key: PredictorsKey, deadline: Deadline): Promise<FinboxPredictorsRecord> {
    const { pollIntervalMs, pollTimeoutMs, timestampOffset } = this.connection.settings;
    const { serverHash } = this.connection.credentials;
    const body: FinboxPredictorsRequest = {
      customer_id: key.customerId,
      version: key.version,
      salt: finboxSalt(key.customerId, serverHash),
    };
    return pollUntilSettled({
      vendor: 'FINBOX',
      intervalMs: pollIntervalMs,
      timeoutMs: pollTimeoutMs,
      deadline,
      poll: async () => {
        const response = await this.connection.client.request({
          method: 'POST', path: '/risk/predictors', json: body,
          deadline, acceptStatuses: [200, 202], operation: 'risk_predictors',
        });
        const record = toFinboxPredictors(response.body, response.status, key, timestampOffset);
        return { value: record, settled: record.status !== InsightStatus.IN_PROGRESS };
      },
    });
  }
}
