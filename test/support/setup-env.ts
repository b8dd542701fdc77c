// Gateways and composition must never phone home from tests.
process.env.APOLLO_TELEMETRY_DISABLED = '1';

// type-graphql's decorators need the metadata API before any GraphQL type loads; src/vendors/registry.ts
// imports it for the process, but a suite may import one vendor's descriptor (and so its resolvers) alone.
import 'reflect-metadata';
