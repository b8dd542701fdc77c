import type { EvidenceSink } from '../evidence-sink';
import type DataLoader from 'dataloader';
import { neuroidProducts, type NeuroidConfig } from './neuroid.config';
import type { BehaviorSignalsRecord } from '../../types/neuroid/behavior-signals.type';
import type { Deadline } from '../http/deadline';
import type { VendorHttpClient } from '../http/vendor-http-client';
import { createVendorLoader, type WithFreshness } from '../vendor-loader';
import { maxAgeMsOf, maxStaleMsOf } from '../../store/max-age';
import type { SignalStore } from '../../store/signal-store';
import { neuroidStored } from './neuroid.stored';
import { assertNeuroidId } from './neuroid.input';
import { toBehaviorSignals } from './neuroid.mapper';

/** Long-lived NeuroID pieces, built once at start-up and shared by every operation. */
export interface NeuroidConnection {
  client: VendorHttpClient;
  /** The site read when a query names none (NEUROID_SITE_ID, or the simulator's site). */
  defaultSiteId: string;
  settings: Pick<NeuroidConfig, 'http'>;
  store: SignalStore;
  /** The evidence ledger every answer of this vendor is stamped by (through the loader seam). */
  evidence: EvidenceSink;
}

interface ProfileKey {
  siteId: string;
  profileId: string;
  maxAgeMs: number | undefined;
  maxStaleMs: number | undefined;
}

/**
 * NeuroID for one GraphQL operation. Its DataLoader fetches each (site, profile) once per operation and
 * distinct ones concurrently, bounded by NEUROID_CONCURRENCY. This file is the only one that knows
 * NeuroID's URL (its API-KEY header is neuroid.vendor.ts's auth hook's).
 */
export class NeuroidDatasource {
  private readonly profileLoader: DataLoader<ProfileKey, WithFreshness<BehaviorSignalsRecord>, string>;

  constructor(
    private readonly connection: NeuroidConnection,
    deadline: Deadline,
  ) {
    this.profileLoader = createVendorLoader({
      vendor: 'NEUROID',
      product: neuroidProducts.signals.name,
      // Both parts are validated first and neither may hold "/", so this key is unambiguous.
      cacheKey: (key) => `${key.siteId}/${key.maxAgeMs ?? ''}/${key.maxStaleMs ?? ''}/${key.profileId}`,
      concurrency: connection.settings.http.concurrency,
      deadline,
      fetch: (key, budget) => this.fetchProfile(key, budget),
      stored: {
        store: connection.store,
        descriptor: neuroidStored,
        storeKeyOf: (key) => ({ customerId: key.profileId, args: `site=${key.siteId}` }),
        maxAgeMs: (key) => key.maxAgeMs,
        maxStaleMs: (key) => key.maxStaleMs,
      },
      evidence: { sink: connection.evidence, customerId: (key) => key.profileId, arguments: (key) => ({ siteId: key.siteId }) },
    });
  }

  /** Validates both ids before anything is sent: a bad one is BAD_USER_INPUT, never a vendor call. */
  behaviorSignals(
    profileId: string,
    siteId?: string | null,
    maxAge?: number | null,
    maxStale?: number | null,
  ): Promise<WithFreshness<BehaviorSignalsRecord>> {
    const site = siteId ?? this.connection.defaultSiteId;
    assertNeuroidId(profileId, 'customer id');
    assertNeuroidId(site, 'siteId');
    const maxAgeMs = maxAgeMsOf(maxAge, 'behaviorSignals', 'NEUROID');
    const maxStaleMs = maxStaleMsOf(maxStale, 'behaviorSignals', 'NEUROID');
    return this.profileLoader.load({ siteId: site, profileId, maxAgeMs, maxStaleMs });
  }

  private async fetchProfile({ siteId, profileId }: ProfileKey, deadline: Deadline): Promise<BehaviorSignalsRecord> {
    const response = await this.connection.client.request({
      method: 'GET',
      // Encoded although the id rule already excludes every character that would need it: defence in depth.
      path: `/sites/${encodeURIComponent(siteId)}/profiles/${encodeURIComponent(profileId)}`,
      deadline,
      // Error bodies name NeuroID's status (PROFILE_NOT_FOUND is data); 500 is retried, so not accepted.
      acceptStatuses: [200, 400, 401, 403, 404, 406],
      operation: 'profile',
    });
    return toBehaviorSignals(response.status, response.body, profileId, siteId);
  }
}
