import type { Config } from '../subgraph-config';
import { createVendorClient } from '../datasources/http/create-vendor-client';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';
import type { SimulatorServer } from '../simulators/simulator-server';
import { VENDORS, type VendorConnections, type VendorKey, type VendorSimulators } from './registry';
import type { AnyVendorModule, ProcessServices } from './vendor-module';

export interface OpenedVendors {
  connections: VendorConnections;
  /** Simulators serving vendors that have no credentials (none in production). */
  simulators: Partial<VendorSimulators>;
  /** The call events every client of these vendors reports to (per-operation counts subscribe here). */
  events: VendorCallEvents;
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
  existing: Partial<VendorSimulators> = {}): Promise<OpenedVendors> {
  const opened = await Promise.all(
    VENDORS.map((vendor) => openVendor(vendor as AnyVendorModule, config[vendor.key], services, existing[vendor.key])),
  );
  const connections = {} as Record<VendorKey, unknown>;
  const simulators: Partial<Record<VendorKey, SimulatorServer>> = {};
  VENDORS.forEach((vendor, index) => {
    const { connection, simulator } = opened[index] as OpenedVendor;
    connections[vendor.key] = connection;
    // Only vendors that really run simulated: the start-up log names these.
    if (simulator) simulators[vendor.key] = simulator;
  });
  return {
    connections: connections as VendorConnections,
    simulators: simulators as Partial<VendorSimulators>,
    events: services.events,
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
