import type { EvidenceSink } from '../evidence-sink';
import type DataLoader from 'dataloader';
import { credolabProducts, type CredolabConfig } from './credolab.config';
import type { CredolabFraudCheckRecord } from '../../types/credolab/credolab-fraud-check.type';
import type { CredolabScoreRecord } from '../../types/credolab/credolab-score.type';
import type { Deadline } from '../http/deadline';
import { createVendorLoader, type WithFreshness } from '../vendor-loader';
import { maxAgeMsOf, maxStaleMsOf } from '../../store/max-age';
import type { SignalStore } from '../../store/signal-store';
import { credolabStored } from './credolab.stored';
import { assertFraudCheckArguments, assertReferenceNumber, type FraudCheckArguments } from './credolab.input';
import { toCredolabScore, toFraudCheck, toFraudCheckRequest } from './credolab.mapper';
import type { CredolabTokenManager } from './credolab.token-manager';

/** Long-lived Credolab pieces, built once at start-up and shared by every operation. */
export interface CredolabConnection {
  /** Owns the HTTP client and the bearer token; every dataset call goes through it. */
  tokens: CredolabTokenManager;
  settings: Pick<CredolabConfig, 'http'>;
  store: SignalStore;
  /** The evidence ledger every answer of this vendor is stamped by (through the loader seam). */
  evidence: EvidenceSink;
}

interface InsightKey {
  customerId: string;
  referenceNumber: string;
  maxAgeMs: number | undefined;
  maxStaleMs: number | undefined;
}

interface FraudCheckKey extends FraudCheckArguments {
  /** Whose dataset it is (evidence and the access log); not part of the check's identity. */
  customerId: string;
  referenceNumber: string;
}

/**
 * Credolab for one GraphQL operation. Its DataLoaders fetch each dataset (and each distinct fraud check)
 * once per operation and distinct ones concurrently, bounded by CREDOLAB_CONCURRENCY. This file knows the
 * dataset URLs; the account URLs (login, refresh) live with the token manager.
 */
export class CredolabDatasource {
  private readonly insightLoader: DataLoader<InsightKey, WithFreshness<CredolabScoreRecord>, string>;
  private readonly fraudCheckLoader: DataLoader<FraudCheckKey, WithFreshness<CredolabFraudCheckRecord>, string>;

  constructor(
    private readonly connection: CredolabConnection,
    deadline: Deadline,
  ) {
    const concurrency = connection.settings.http.concurrency;
    this.insightLoader = createVendorLoader({
      vendor: 'CREDOLAB',
      product: credolabProducts.score.name,
      // One call per dataset per operation, whichever customers name it (as before the store).
      cacheKey: (key) => JSON.stringify([key.referenceNumber, key.maxAgeMs ?? null, key.maxStaleMs ?? null]),
      concurrency,
      deadline,
      fetch: (key, budget) => this.fetchInsight(key.referenceNumber, budget),
      stored: {
        store: connection.store,
        descriptor: credolabStored,
        // The reference number is customer input like the id: the key holds it only as a keyed hash.
        storeKeyOf: (key) => ({
          customerId: key.customerId,
          reference: key.referenceNumber === key.customerId ? undefined : key.referenceNumber,
        }),
        maxAgeMs: (key) => key.maxAgeMs,
        maxStaleMs: (key) => key.maxStaleMs,
      },
      evidence: { sink: connection.evidence, customerId: (key) => key.customerId, arguments: (key) => ({ referenceNumber: key.referenceNumber }) },
    });
    this.fraudCheckLoader = createVendorLoader({
      vendor: 'CREDOLAB',
      product: credolabProducts.fraudCheck.name,
      // Ruleset ids are case-insensitive at Credolab, so `Default` and `default` are one check.
      cacheKey: (key) => JSON.stringify([
        key.referenceNumber, key.rulesetId.toLowerCase(), key.accountCode,
        key.transactionInsight?.email ?? null, key.transactionInsight?.eventId ?? null, key.transactionInsight?.mobilePhoneNumber ?? null,
      ]),
      concurrency,
      deadline,
      // Never stored: no `stored` options.
      fetch: (key, budget) => this.fetchFraudCheck(key, budget),
      evidence: {
        sink: connection.evidence,
        customerId: (key) => key.customerId,
        arguments: ({ customerId: _customer, ...checked }) => ({ ...checked }),
      },
    });
  }

  /** Validates the reference number before anything is sent: a bad one is BAD_USER_INPUT, never a call. */
  credolabScore(
    customerId: string,
    referenceNumber?: string | null,
    maxAge?: number | null,
    maxStale?: number | null,
  ): Promise<WithFreshness<CredolabScoreRecord>> {
    // Datasets are uploaded under the customer id unless the client names another reference number.
    const reference = referenceNumber ?? customerId;
    assertReferenceNumber(reference);
    const maxAgeMs = maxAgeMsOf(maxAge, 'credolabScore', 'CREDOLAB');
    const maxStaleMs = maxStaleMsOf(maxStale, 'credolabScore', 'CREDOLAB');
    return this.insightLoader.load({ customerId, referenceNumber: reference, maxAgeMs, maxStaleMs });
  }

  fraudCheck(customerId: string, referenceNumber: string, args: FraudCheckArguments): Promise<WithFreshness<CredolabFraudCheckRecord>> {
    assertReferenceNumber(referenceNumber);
    assertFraudCheckArguments(args);
    return this.fraudCheckLoader.load({ customerId, referenceNumber, ...args });
  }

  private async fetchInsight(referenceNumber: string, deadline: Deadline): Promise<CredolabScoreRecord> {
    const response = await this.connection.tokens.send({
      method: 'GET',
      path: `/v6.0/datasets/${encodeURIComponent(referenceNumber)}/datasetinsight`,
      deadline,
      // The documented "no data" problems come back as data for the mapper; 500/503 are retried.
      acceptStatuses: [200, 400, 404, 410],
      operation: 'datasetinsight',
    });
    return toCredolabScore(response.status, response.body, referenceNumber);
  }

  private async fetchFraudCheck(key: FraudCheckKey, deadline: Deadline): Promise<CredolabFraudCheckRecord> {
    const response = await this.connection.tokens.send({
      method: 'POST',
      path: `/v6.0/datasets/${encodeURIComponent(key.referenceNumber)}/iovation/fraud/checks/${encodeURIComponent(key.rulesetId)}`,
      json: toFraudCheckRequest(key.accountCode, key.transactionInsight),
      deadline,
      acceptStatuses: [200, 400, 404, 410],
      operation: 'fraud_check',
    });
    return toFraudCheck(response.status, response.body);
  }
}
