import type DataLoader from 'dataloader';
import type { CredolabConfig } from '../../config';
import type { CredolabFraudCheckRecord } from '../../types/credolab-fraud-check.type';
import type { CredolabScoreRecord } from '../../types/credolab-score.type';
import type { Deadline } from '../http/deadline';
import { createVendorLoader } from '../vendor-loader';
import { assertFraudCheckArguments, assertReferenceNumber, type FraudCheckArguments } from './credolab.input';
import { toCredolabScore, toFraudCheck, toFraudCheckRequest } from './credolab.mapper';
import type { CredolabTokenManager } from './credolab.token-manager';

/** Long-lived Credolab pieces, built once at start-up and shared by every operation. */
export interface CredolabConnection {
  /** Owns the HTTP client and the bearer token; every dataset call goes through it. */
  tokens: CredolabTokenManager;
  settings: Pick<CredolabConfig, 'http'>;
}

interface FraudCheckKey extends FraudCheckArguments {
  referenceNumber: string;
}

/**
 * Credolab for one GraphQL operation. Its DataLoaders fetch each dataset (and each distinct fraud check)
 * once per operation and distinct ones concurrently, bounded by CREDOLAB_CONCURRENCY. This file knows the
 * dataset URLs; the account URLs (login, refresh) live with the token manager.
 */
export class CredolabDatasource {
  private readonly insightLoader: DataLoader<string, CredolabScoreRecord, string>;
  private readonly fraudCheckLoader: DataLoader<FraudCheckKey, CredolabFraudCheckRecord, string>;

  constructor(
    private readonly connection: CredolabConnection,
    private readonly deadline: Deadline,
  ) {
    const concurrency = connection.settings.http.concurrency;
    this.insightLoader = createVendorLoader({
      product: 'credolab',
      cacheKey: (reference) => reference,
      concurrency,
      fetch: (reference) => this.fetchInsight(reference),
    });
    this.fraudCheckLoader = createVendorLoader({
      product: 'credolab-fraud-check',
      // Ruleset ids are case-insensitive at Credolab, so `Default` and `default` are one check.
      cacheKey: (key) => JSON.stringify([
        key.referenceNumber, key.rulesetId.toLowerCase(), key.accountCode,
        key.transactionInsight?.email ?? null, key.transactionInsight?.eventId ?? null, key.transactionInsight?.mobilePhoneNumber ?? null,
      ]),
      concurrency,
      fetch: (key) => this.fetchFraudCheck(key),
    });
  }

  /** Validates the reference number before anything is sent: a bad one is BAD_USER_INPUT, never a call. */
  credolabScore(customerId: string, referenceNumber?: string | null): Promise<CredolabScoreRecord> {
    // Datasets are uploaded under the customer id unless the client names another reference number.
    const reference = referenceNumber ?? customerId;
    assertReferenceNumber(reference);
    return this.insightLoader.load(reference);
  }

  fraudCheck(referenceNumber: string, args: FraudCheckArguments): Promise<CredolabFraudCheckRecord> {
    assertReferenceNumber(referenceNumber);
    assertFraudCheckArguments(args);
    return this.fraudCheckLoader.load({ referenceNumber, ...args });
  }

  private async fetchInsight(referenceNumber: string): Promise<CredolabScoreRecord> {
    const response = await this.connection.tokens.send({
      method: 'GET',
      path: `/v6.0/datasets/${encodeURIComponent(referenceNumber)}/datasetinsight`,
      deadline: this.deadline,
      // The documented "no data" problems come back as data for the mapper; 500/503 are retried.
      acceptStatuses: [200, 400, 404, 410],
      operation: 'datasetinsight',
    });
    return toCredolabScore(response.status, response.body, referenceNumber);
  }

  private async fetchFraudCheck(key: FraudCheckKey): Promise<CredolabFraudCheckRecord> {
    const response = await this.connection.tokens.send({
      method: 'POST',
      path: `/v6.0/datasets/${encodeURIComponent(key.referenceNumber)}/iovation/fraud/checks/${encodeURIComponent(key.rulesetId)}`,
      json: toFraudCheckRequest(key.accountCode, key.transactionInsight),
      deadline: this.deadline,
      acceptStatuses: [200, 400, 404, 410],
      operation: 'fraud_check',
    });
    return toFraudCheck(response.status, response.body);
  }
}
