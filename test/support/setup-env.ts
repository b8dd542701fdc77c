// Gateways and composition must never phone home from tests.
process.env.APOLLO_TELEMETRY_DISABLED = '1';
