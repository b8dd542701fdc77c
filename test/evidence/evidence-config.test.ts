import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/subgraph-config';
import { problemsOf } from '../support/config-problems';

const KEY = randomBytes(32).toString('base64');
const URL = 'postgres://postgres@127.0.0.1:5432/evidence';

describe('evidence config', () => {
  it('production requires EVIDENCE_DATABASE_URL and EVIDENCE_MASTER_KEY unless EVIDENCE_DISABLED=true', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('EVIDENCE_DATABASE_URL: required in production'))).toBe(true);
    expect(problems.some((p) => p.startsWith('EVIDENCE_MASTER_KEY: required in production'))).toBe(true);
    const both = problemsOf({ NODE_ENV: 'production', EVIDENCE_DATABASE_URL: URL, EVIDENCE_MASTER_KEY: KEY });
    expect(both.filter((p) => p.startsWith('EVIDENCE_'))).toEqual([]);
    const disabled = problemsOf({ NODE_ENV: 'production', EVIDENCE_DISABLED: 'true' });
    expect(disabled.filter((p) => p.startsWith('EVIDENCE_'))).toEqual([]);
  });

  it('a database URL without a master key is an error everywhere; a bad key or URL is named', () => {
    expect(problemsOf({ EVIDENCE_DATABASE_URL: URL })).toEqual([expect.stringMatching(/^EVIDENCE_MASTER_KEY: required when EVIDENCE_DATABASE_URL is set/)]);
    expect(problemsOf({ EVIDENCE_DATABASE_URL: URL, EVIDENCE_MASTER_KEY: 'c2hvcnQ=' })).toEqual([expect.stringMatching(/^EVIDENCE_MASTER_KEY: must be 32 bytes/)]);
    expect(problemsOf({ EVIDENCE_DATABASE_URL: 'mysql://x', EVIDENCE_MASTER_KEY: KEY })).toEqual([expect.stringMatching(/^EVIDENCE_DATABASE_URL: must look like/)]);
    expect(problemsOf({ EVIDENCE_RETENTION_DAYS: '0' })).toEqual([expect.stringMatching(/^EVIDENCE_RETENTION_DAYS/)]);
  });

  it('EVIDENCE_MASTER_KEY_PREVIOUS: 32 bytes, only beside EVIDENCE_MASTER_KEY, never the same key; read as the previous master', () => {
    const previous = randomBytes(32).toString('base64');
    expect(problemsOf({ EVIDENCE_DATABASE_URL: URL, EVIDENCE_MASTER_KEY: KEY, EVIDENCE_MASTER_KEY_PREVIOUS: 'c2hvcnQ=' })).toEqual([expect.stringMatching(/^EVIDENCE_MASTER_KEY_PREVIOUS: must be 32 bytes/)]);
    expect(problemsOf({ EVIDENCE_MASTER_KEY_PREVIOUS: previous })).toEqual([expect.stringMatching(/^EVIDENCE_MASTER_KEY_PREVIOUS: only with EVIDENCE_MASTER_KEY/)]);
    expect(problemsOf({ EVIDENCE_DATABASE_URL: URL, EVIDENCE_MASTER_KEY: KEY, EVIDENCE_MASTER_KEY_PREVIOUS: KEY })).toEqual([expect.stringMatching(/^EVIDENCE_MASTER_KEY_PREVIOUS: must differ/)]);
    expect(loadConfig({ EVIDENCE_DATABASE_URL: URL, EVIDENCE_MASTER_KEY: KEY, EVIDENCE_MASTER_KEY_PREVIOUS: previous }).evidence)
      .toMatchObject({ masterKeyBase64: KEY, previousMasterKeyBase64: previous });
  });

  it('reads the defaults, and the embedded ledger outside production', () => {
    expect(loadConfig({}).evidence).toEqual({
      disabled: false, retentionDays: 400, writeTimeoutMs: 2000, poolMax: 10, sweepIntervalMs: 3_600_000, healthProbeMs: 1000,
      accessLog: { flushIntervalMs: 200, batchMax: 500, queueMax: 10_000 }, readMaxIds: 100, compressionLevel: 1,
    });
    expect(loadConfig({ EVIDENCE_DATABASE_URL: URL, EVIDENCE_MASTER_KEY: KEY }).evidence).toMatchObject({ databaseUrl: URL, masterKeyBase64: KEY });
  });

  it('EVIDENCE_COMPRESSION_LEVEL: a zlib level, 0 to 9', () => {
    expect(loadConfig({ EVIDENCE_COMPRESSION_LEVEL: '9' }).evidence.compressionLevel).toBe(9);
    expect(loadConfig({ EVIDENCE_COMPRESSION_LEVEL: '0' }).evidence.compressionLevel).toBe(0);
    expect(() => loadConfig({ EVIDENCE_COMPRESSION_LEVEL: '10' })).toThrow(/EVIDENCE_COMPRESSION_LEVEL/);
  });
});
