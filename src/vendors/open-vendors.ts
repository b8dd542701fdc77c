import type { Config } from '../subgraph-config';
import { createVendorClient } from '../datasources/http/create-vendor-client';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';
import type { SimulatorServer } from '../simulators/simulator-server';
import { VENDORS, type VendorConnections, type VendorKey, type VendorSet, type VendorSimulators } from './registry';
import type { AnyVendorModule, ProcessServices } from './vendor-module';

export interface OpenedVendors {
  connections: VendorConnections;
  /** Simulators serving vendors that have no credentials (none in production). */
  simulators: Partial<VendorSimulators>;
  /** The call events every client of these vendors reports to (per-operation counts subscribe here). */
  events: VendorCallEvents;
  /** The vendors opened (the registry's unless a test handed in others): the schema and contexts serve these. */
  modules: VendorSet;
  close(): Promise<void>;
}

interface OpenedVendor {
  connection: unknown;
  simulator: SimulatorServer | undefined;
  close(): Promise<void>;
}

/**
 * Opens every registered vendor once at start-up, concurrently. `existing` lets tests and benchmarks hand
 * in simulators they started themselves and want to inspect or tune.
 */
export async function openVendors(
  config: Readonly<Config>,
  services: ProcessServices,
  existing: Partial<VendorSimulators> = {},
  modules: VendorSet = VENDORS,
): Promise<OpenedVendors> {
  // Keyed by each vendor's `key`: a handed-in vendor's config section and simulator are not in the registry's types.
  const sections = config as unknown as Record<string, Config[VendorKey]>;
  const given = existing as Record<string, SimulatorServer | undefined>;
  const opened = await Promise.all(modules.map((vendor) => openVendor(vendor, sections[vendor.key] as Config[VendorKey], services, given[vendor.key])));
  const connections: Record<string, unknown> = {};
  const simulators: Record<string, SimulatorServer> = {};
  modules.forEach((vendor, index) => {
    const { connection, simulator } = opened[index] as OpenedVendor;
    connections[vendor.key] = connection;
    // Only vendors that really run simulated: the start-up log names these.
    if (simulator) simulators[vendor.key] = simulator;
  });
  return {
    connections: connections as unknown as VendorConnections,
    simulators: simulators as Partial<VendorSimulators>,
    events: services.events,
    modules,
    async close() {
      await Promise.all(opened.map((vendor) => vendor.close()));
    },
  };
}

/**
 * One vendor: live (its configured URL and credentials) or simulated (the simulator handed in, or a new
 * one on loopback port 0, loaded only now), then its client and its connection.
 */
async function openVendor(
  vendor: AnyVendorModule,
  settings: Config[VendorKey],
  services: ProcessServices,
  existingSimulator: SimulatorServer | undefined,
): Promise<OpenedVendor> {
  let simulator: SimulatorServer | undefined;
  let ownsSimulator = false;
  let credentials = settings.credentials;
  let baseUrl = settings.baseUrl;
  if (credentials === null) {
    const factory = await vendor.loadSimulator();
    const serving = existingSimulator ?? factory.create();
    ownsSimulator = existingSimulator === undefined;
    if (ownsSimulator) await serving.start();
    simulator = serving;
    credentials = factory.credentials;
    baseUrl = vendor.simulatorBaseUrl ? vendor.simulatorBaseUrl(serving) : serving.url;
  }
  const client = createVendorClient({
    vendor: vendor.name,
    baseUrl,
    vendorHttp: settings.http,
    http: services.http,
    retry: vendor.retry(settings, services.http),
    logger: services.logger,
    observer: services.events,
    guards: services.guardsFor?.(vendor.name) ?? [],
    authorize: vendor.authorize(credentials),
  });
  const { connection, close } = vendor.connect({ client, credentials, settings, services, simulator });
  return {
    connection,
    simulator,
    async close() {
      close?.();
      await client.close();
      if (ownsSimulator) await simulator?.stop();
    },
  };
}
