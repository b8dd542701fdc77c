import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../subgraph-config';
import type { RequestContext } from '../context';
import { NO_EVIDENCE, type EvidenceSink } from '../datasources/evidence-sink';
import { cacheTagsPlugin } from '../erasure/cache-tags.plugin';
import { CustomerCacheTags } from '../erasure/customer-cache-tags';
import { ErasureBus } from '../erasure/erasure-bus';
import { RouterInvalidation } from '../erasure/router-invalidation';
import { EvidenceEvents, openEvidenceLedger, type EvidenceLedger } from '../evidence';
import type { Logger } from '../logger';
import { registerEvidenceMetrics } from '../observability/evidence-metrics';
import type { Registry } from '../observability/metrics-registry';
import type { SharedRedis } from '../store/shared-redis';
import type { SignalStore } from '../store/signal-store';
import type { Accountability } from './accountability';
import { accessLogPlugin } from './access-log.plugin';
import { CustomerErasure } from './customer-erasure';
import { FleetStoreErasure } from './fleet-store-erasure';
import { LedgerEvidenceSink } from './ledger-evidence-sink';

/** Everything accountability adds to the process, built once at start-up by the composition root. */
export interface OpenedAccountability {
  /** Undefined with EVIDENCE_DISABLED=true. */
  ledger: EvidenceLedger | undefined;
  /** What every vendor loader stamps its answers with. */
  evidence: EvidenceSink;
  /** For every operation's context, and the readiness probe. */
  services: Accountability & { ledgerHealth(): 'up' | 'down' | 'disabled' };
  /** The access log and the customers' cache tags, built on the served schema. */
  schemaPlugins: ReadonlyArray<(schema: GraphQLSchema) => ApolloServerPlugin<RequestContext>>;
  /** Flushes the access log, closes the ledger and the erasure bus. */
  close(): Promise<void>;
}

export interface AccountabilityParts {
  store: SignalStore;
  redis: SharedRedis | undefined;
  registry: Registry;
  logger: Logger;
}

/**
 * Opens the ledger (PostgreSQL, or embedded PGlite outside production; never holding start-up when the
 * database is down), the erasure bus (with Redis) and the router's invalidation, and ties them to the store.
 */
export async function openAccountability(config: Config, parts: AccountabilityParts): Promise<OpenedAccountability> {
  const { store, redis, registry, logger } = parts;
  const events = new EvidenceEvents();
  registerEvidenceMetrics(events, registry);
  const ledger = config.evidence.disabled ? undefined : await openEvidenceLedger(config.evidence, events, logger);
  if (!ledger) logger.warn('evidence: disabled (EVIDENCE_DISABLED=true): answers carry no evidenceId and no access log is kept');
  // One erasure reaches every replica's memory; this replica's own message too (its acknowledgement counts).
  const bus = redis
    ? await ErasureBus.open(redis, {
        replicaId: randomUUID(),
        ackTimeoutMs: config.erasure.ackTimeoutMs,
        onErase: (customerTag, erasedAt) => store.forgetCustomer(customerTag, erasedAt),
      }, logger)
    : undefined;
  // Every replica must tag a customer alike: a key all replicas share (the ledger's, else the store's).
  const tags = new CustomerCacheTags(config.evidence.masterKeyBase64 ?? config.redis?.storeKeyBase64);
  const erasure = new CustomerErasure({
    ledger,
    store: new FleetStoreErasure(store, bus),
    router: new RouterInvalidation(config.erasure.router, logger),
    tagFor: (customerId) => tags.tagFor(customerId),
    logger,
  });
  return {
    ledger,
    evidence: ledger ? new LedgerEvidenceSink(ledger, logger) : NO_EVIDENCE,
    services: {
      audit: ledger,
      erasure,
      readMaxIds: config.evidence.readMaxIds,
      ledgerHealth: () => ledger?.health() ?? 'disabled',
    },
    schemaPlugins: [accessLogPlugin, () => cacheTagsPlugin(tags) as ApolloServerPlugin<RequestContext>],
    async close() {
      await Promise.all([ledger?.close(), bus?.close()]);
    },
  };
}
