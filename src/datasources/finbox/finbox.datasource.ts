import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { FinboxConfig } from '../../config';
import type { FinboxPredictorsRecord } from '../../types/finbox-predictors.type';
import { InsightStatus } from '../../types/insight-status.type';
import type { Deadline } from '../http/deadline';
import { pollUntilSettled } from '../http/poll-until-settled';
import type { VendorHttpClient } from '../http/vendor-http-client';
import { createVendorLoader } from '../vendor-loader';
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
}

interface PredictorsKey {
  customerId: string;
  version: number;
}

/**
 * FinBox DeviceConnect for one GraphQL operation. Its DataLoader fetches each (customer, version) once
 * per operation and distinct ones concurrently, bounded by FINBOX_CONCURRENCY. This file is the only one
 * that knows FinBox's path and headers. Retries (5xx, 429) happen in the HTTP layer per
 * FINBOX_RETRY_DELAYS_MS; polling (202 in_progress) happens here.
 */
export class FinboxDatasource {
  private readonly predictorsLoader: DataLoader<PredictorsKey, FinboxPredictorsRecord, string>;

  constructor(
    private readonly connection: FinboxConnection,
    private readonly deadline: Deadline,
  ) {
    this.predictorsLoader = createVendorLoader({
      product: 'finbox',
      cacheKey: (key) => `${key.version}/${key.customerId}`,
      concurrency: connection.settings.http.concurrency,
      fetch: (key) => this.pollPredictors(key),
    });
  }

  /** `version` defaults to FINBOX_PREDICTORS_VERSION. Input is checked before anything is sent. */
  async predictors(customerId: string, version?: number | null): Promise<FinboxPredictorsRecord> {
    assertFinboxCustomerId(customerId);
    const resolvedVersion = version ?? this.connection.settings.predictorsVersion;
    assertFinboxVersion(resolvedVersion);
    return this.predictorsLoader.load({ customerId, version: resolvedVersion });
  }

  /** Polls while FinBox answers 202 `in_progress`; IN_PROGRESS when the poll budget runs out. */
  private pollPredictors(key: PredictorsKey): Promise<FinboxPredictorsRecord> {
    const { pollIntervalMs, pollTimeoutMs, timestampOffset } = this.connection.settings;
    const { apiKey, serverHash } = this.connection.credentials;
    const body: FinboxPredictorsRequest = {
      customer_id: key.customerId,
      version: key.version,
      salt: finboxSalt(key.customerId, serverHash),
    };
    return pollUntilSettled({
      vendor: 'FINBOX',
      intervalMs: pollIntervalMs,
      timeoutMs: pollTimeoutMs,
      deadline: this.deadline,
      poll: async () => {
        const response = await this.connection.client.request({
          method: 'POST', path: '/risk/predictors', headers: { 'x-api-key': apiKey }, json: body,
          deadline: this.deadline, acceptStatuses: [200, 202], operation: 'risk_predictors',
        });
        const record = toFinboxPredictors(response.body, response.status, key, timestampOffset);
        return { value: record, settled: record.status !== InsightStatus.IN_PROGRESS };
      },
    });
  }
}
