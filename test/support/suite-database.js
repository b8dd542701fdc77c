// One evidence database for the whole jest run, on the machine's PostgreSQL (127.0.0.1:5432, user
// postgres): created before the first suite, dropped after the last. In-process subgraphs (FAST_ENV) write
// their evidence and access log to it, so every suite runs the ledger as production does. Tests that count
// rows or tamper with records create databases of their own (test/support/postgres.ts).
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql) {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function setup() {
  const name = `signals_suite_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  // Workers start after global setup and inherit these.
  process.env.SIGNALS_SUITE_EVIDENCE_DATABASE = name;
  process.env.SIGNALS_SUITE_EVIDENCE_DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${name}`;
  process.env.SIGNALS_SUITE_EVIDENCE_MASTER_KEY = randomBytes(32).toString('base64');
}

async function teardown() {
  const name = process.env.SIGNALS_SUITE_EVIDENCE_DATABASE;
  if (!name) return;
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  await admin(`DROP DATABASE IF EXISTS ${name}`);
}

module.exports = { setup, teardown };
