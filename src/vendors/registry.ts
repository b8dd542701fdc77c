// The vendors' resolvers and GraphQL types are type-graphql classes: their decorators need the metadata API.
import 'reflect-metadata';
// type-graphql orders a type's fields as their resolver modules are first loaded, so these imports, before
// the vendors', keep the order of the published schema.graphql (Customer: deviceInsights, behaviorSignals,
// credolabScore, extractedSms, finboxPredictors). A new vendor needs no line here: its fields follow.
import '../resolvers/credeau/device-insights.resolver';
import '../resolvers/neuroid/behavior-signals.resolver';
import '../resolvers/credolab/credolab-fraud-check.resolver';
import '../resolvers/credolab/credolab-score.resolver';
import '../resolvers/credeau/extracted-sms.resolver';
import '../resolvers/finbox/finbox-predictors.resolver';
import { credeauVendor } from '../datasources/credeau/credeau.vendor';
import { credolabVendor } from '../datasources/credolab/credolab.vendor';
import { finboxVendor } from '../datasources/finbox/finbox.vendor';
import { neuroidVendor } from '../datasources/neuroid/neuroid.vendor';
import type { Deadline } from '../datasources/http/deadline';
import type { AnyVendorModule } from './vendor-module';
import type { VendorConfigsOf } from '../config';

/**
 * Every vendor of the subgraph. Config (its variables, products' freshness windows, budgets and breakers),
 * start-up, the schema (resolvers), the per-operation context, log redaction and the simulators iterate
 * this list: a new vendor is its folders (`<vendor>.vendor.ts` and the files it names) plus its import and its
 * entry here.
 */
export const VENDORS = [credeauVendor, credolabVendor, neuroidVendor, finboxVendor] as const;

/** Every registered vendor's secret headers, for the logger's redaction (src/logger.ts). */
export const VENDOR_SECRET_HEADERS: readonly string[] = secretHeadersOf(VENDORS);

/**
 * The vendors one process serves: the registry's by default. A test hands in the registry plus a fixture
 * vendor (test/vendors/sixth-vendor.test.ts) to show a new vendor needs nothing outside its own files.
 */
export type VendorSet = readonly AnyVendorModule[];

/** The secret headers of these vendors, for the logger's redaction (src/logger.ts). */
export function secretHeadersOf(vendors: VendorSet): readonly string[] {
  return vendors.flatMap((vendor) => vendor.secretHeaders);
}

/** These vendors' field resolvers, in their order (src/schema.ts builds the schema from them). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function resolversOf(vendors: VendorSet): readonly Function[] {
  return vendors.flatMap((vendor) => vendor.resolvers);
}

/** The vendor and product the schema's descriptions give as examples (SignalEvidence.vendor and .product). */
export const SCHEMA_EXAMPLE = { vendor: credeauVendor.name, product: credeauVendor.products.sms.name } as const;

export type RegisteredVendor = (typeof VENDORS)[number];
export type VendorKey = RegisteredVendor['key'];
type ModuleOf<K extends VendorKey> = Extract<RegisteredVendor, { key: K }>;

/** Each vendor's validated config section, by key (`config.credeau`, ...). */
export type VendorConfigs = VendorConfigsOf<typeof VENDORS>;

/** Long-lived vendor connections (pools, credentials, token managers), built once at start-up. */
export type VendorConnections = { [K in VendorKey]: Parameters<ModuleOf<K>['dataSources']>[0] };

/** A vendor's simulator type, by key. */
export type VendorSimulators = { [K in VendorKey]: Awaited<ReturnType<ModuleOf<K>['loadSimulator']>> extends { create(): infer S } ? S : never };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Per-vendor datasources of one operation; each owns its loaders. */
export type DataSources = UnionToIntersection<ReturnType<RegisteredVendor['dataSources']>>;

/** Fresh datasources of every vendor for one operation. */
export function createDataSources(connections: VendorConnections, deadline: Deadline, vendors: VendorSet = VENDORS): DataSources {
  const dataSources = {};
  const byKey = connections as Record<string, unknown>;
  for (const vendor of vendors) {
    const made = (vendor.dataSources as (connection: unknown, deadline: Deadline) => object)(byKey[vendor.key], deadline);
    for (const [name, dataSource] of Object.entries(made)) {
      // Object spread would let two vendors' datasource names overwrite each other silently.
      if (name in dataSources) throw new Error(`two vendors both name a datasource "${name}"`);
      Object.defineProperty(dataSources, name, { value: dataSource, enumerable: true });
    }
  }
  return dataSources as DataSources;
}
