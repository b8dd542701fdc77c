import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { EvidenceConfig } from '../../src/config';
import { EvidenceEvents, openEvidenceLedger, type EvidenceDraft, type EvidenceLedger } from '../../src/evidence';
import { exitCodeOf } from '../support/postgres';

export const silent = pino({ level: 'silent' });

export function ledgerConfig(databaseUrl: string | undefined, masterKeyBase64: string | undefined, overrides: Partial<EvidenceConfig> = {}): EvidenceConfig {
  return {
    disabled: false,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(masterKeyBase64 ? { masterKeyBase64 } : {}),
    retentionDays: 400,
    writeTimeoutMs: 5_000,
    poolMax: 4,
    sweepIntervalMs: 3_600_000,
    healthProbeMs: 50,
    accessLog: { flushIntervalMs: 20, batchMax: 500, queueMax: 10_000 },
    readMaxIds: 100,
    compressionLevel: 1,
    ...overrides,
  };
}

export function newMasterKey(): string {
  return randomBytes(32).toString('base64');
}

export async function openLedger(url: string | undefined, key: string, overrides: Partial<EvidenceConfig> = {}): Promise<{ ledger: EvidenceLedger; events: EvidenceEvents }> {
  const events = new EvidenceEvents();
  const ledger = await openEvidenceLedger(ledgerConfig(url, key, overrides), events, silent);
  return { ledger, events };
}

/** A recognisable Credeau-like SMS answer: its texts, reference and feature JSON must never show in a column. */
export const SMS_TEXT = 'Rs 48213.77 debited from A/c XX9921 UNMISTAKABLE-SMS-TEXT';
export const REFERENCE = 'REF-UNMISTAKABLE-7734';
export const FEATURE_JSON = '{"salary_credit_avg_3m":"UNMISTAKABLE-FEATURE-991"}';

export function draft(customerId: string, overrides: Partial<EvidenceDraft> = {}): EvidenceDraft {
  const body = JSON.stringify({ user_id: customerId, reference: REFERENCE, sms: [{ body: SMS_TEXT }], features: JSON.parse(FEATURE_JSON) });
  return {
    vendor: 'CREDEAU',
    product: 'credeau-sms',
    customerId,
    arguments: { first: 10, reference: REFERENCE },
    body: Buffer.from(body, 'utf8'),
    vendorRequestId: 'req-42',
    retrievedAt: new Date(),
    fetchStartedAt: new Date(Date.now() - 10),
    ...overrides,
  };
}

/** Polls `check` until it holds (state reached, not a time window). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * One of the built command-line tools (`npm run evidence:verify`, `evidence:rotate-key`) as its npm
 * script runs it: a real child process on the build (made by `pretest`), with only the given evidence
 * variables set.
 */
export async function runEvidenceScript(script: 'verify-evidence' | 'rotate-evidence-key', env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const path = join(__dirname, '..', '..', 'dist', 'src', 'scripts', `${script}.js`);
  if (!existsSync(path)) throw new Error(`${path} missing: run npm run build first`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EVIDENCE_')));
  const child = spawn(process.execPath, [path], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const code = await exitCodeOf(child);
  return { code, out, err };
}
