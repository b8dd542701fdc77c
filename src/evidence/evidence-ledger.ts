import { decodePayload } from './sealed-payload';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { EvidenceConfig } from '../config';
import { AccessLog } from './access-log';
import type { EvidenceEvents } from './evidence-events';
import { open, type EvidenceKeys } from './evidence-keys';
import {
  EvidenceUnavailableError,
  type AccessEntry,
  type AccessLogView,
  type AppendResult,
  type EvidenceDraft,
  type EvidenceLedger,
  type EvidenceRecordView,
  type LedgerHealth,
} from './evidence-types';
import { KeyringLockedError, loadKeyring } from './keyring';
import { MasterKey, MasterKeys } from './master-keys';
import { migrate } from './migrate';
import { prepareDraft, writeBatch, type PreparedDraft } from './record-writer';
import { bytes, inTransaction, int, type SqlDriver } from './sql-driver';

/** Most drafts one group-commit transaction takes. */
const GROUP_MAX = 100;
/** Longest close() waits for the access-log queue to drain. */
const CLOSE_FLUSH_MS = 2_000;
const DAY_MS = 86_400_000;

interface Pending {
  draft: EvidenceDraft;
  /** The payload, encoding since the append (see prepareDraft). */
  prepared: Promise<PreparedDraft>;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  started: number;
  settled: boolean;
}

/**
 * Opens the ledger on EVIDENCE_DATABASE_URL (pg) or, without it, on an embedded in-memory PGlite.
 * Never rejects because the database is down: the ledger starts 'down', and the health probe migrates,
 * loads (or first creates) the keyring and brings it up when the database answers. Master keys that open
 * neither the keyring nor the records written before it keep the ledger down (logged by fingerprint):
 * appending under other keys would split the customer hashes and break the chain.
 */
export async function openEvidenceLedger(config: EvidenceConfig, events: EvidenceEvents, logger: Logger): Promise<EvidenceLedger> {
  const masters = config.masterKeyBase64
    ? MasterKeys.fromBase64(config.masterKeyBase64, config.previousMasterKeyBase64)
    : new MasterKeys(MasterKey.fromBytes(randomBytes(32)));
  let driver: SqlDriver;
  if (config.databaseUrl) {
    const { openPgDriver } = await import('./pg-driver');
    driver = openPgDriver(config.databaseUrl, config.poolMax, config.writeTimeoutMs, logger);
  } else {
    const { openPgliteDriver } = await import('./pglite-driver');
    driver = await openPgliteDriver();
  }
  const ledger = new PostgresEvidenceLedger(driver, masters, config, events, logger);
  await ledger.start();
  return ledger;
}

class PostgresEvidenceLedger implements EvidenceLedger {
  private state: LedgerHealth = 'down';
  private migrated = false;
  private closed = false;
  private pending: Pending[] = [];
  private writing = false;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly sweepTimer: NodeJS.Timeout;
  private readonly accessLog: AccessLog;
  /** Loaded by the first successful probe and kept: the keyring's keys never change for a database. */
  private keys: EvidenceKeys | undefined;
  private lockedLogged = false;

  constructor(
    private readonly driver: SqlDriver,
    private readonly masters: MasterKeys,
    private readonly config: EvidenceConfig,
    private readonly events: EvidenceEvents,
    private readonly logger: Logger,
  ) {
    this.accessLog = new AccessLog(driver, () => this.keys, events, config.accessLog, () => this.state === 'up', (error) => this.failed('access_log', error));
    this.sweepTimer = setInterval(() => void this.sweep().catch(() => undefined), config.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** First probe now: up when the database answers and is migrated, else down with the probe timer running. */
  async start(): Promise<void> {
    this.events.health('down');
    await this.probe();
  }

  health(): LedgerHealth {
    return this.state;
  }

  append(draft: EvidenceDraft): Promise<AppendResult> {
    if (this.state === 'down' || this.closed) {
      this.events.write({ vendor: draft.vendor, product: draft.product, result: 'error', durationMs: 0 });
      return Promise.reject(new EvidenceUnavailableError());
    }
    return new Promise<AppendResult>((resolve, reject) => {
      const prepared = prepareDraft(draft, this.config.compressionLevel);
      // A payload that cannot be encoded fails its own batch, which settles this append.
      prepared.catch(() => undefined);
      const pending: Pending = { draft, prepared, resolve, reject, started: performance.now(), settled: false, timer: undefined as unknown as NodeJS.Timeout };
      pending.timer = setTimeout(() => {
        // Still queued: it never reaches the database. Already in a batch: that batch may still commit an
        // orphan record no response names (the chain stays whole).
        this.pending = this.pending.filter((p) => p !== pending);
        this.settle(pending, new EvidenceUnavailableError('evidence write timed out'));
      }, this.config.writeTimeoutMs);
      this.pending.push(pending);
      this.kick();
    });
  }

  async read(ids: readonly string[]): Promise<(EvidenceRecordView | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.guard('read', async () => (await this.driver.query<Record<string, unknown>>(
      `SELECT r.id, r.vendor, r.product, r.customer_hash, r.key_id, r.retrieved_at, r.sealed, k.wrapped_key, k.master_fingerprint
         FROM evidence_records r LEFT JOIN evidence_data_keys k ON k.key_id = r.key_id
        WHERE r.id = ANY($1::text[])`,
      [[...ids]],
    )).rows);
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    const expiredBefore = Date.now() - this.config.retentionDays * DAY_MS;
    return Promise.all(ids.map((id) => {
      const row = byId.get(id);
      return row ? this.view(row, expiredBefore) : null;
    }));
  }

  async eraseCustomer(customerId: string): Promise<{ evidenceRecords: number; erasedAt: Date }> {
    const result = await this.guard('erase', () => inTransaction(this.driver, async (session) => {
      const customerHash = this.ring.customerHash(customerId);
      // The chain row lock orders the erasure with every replica's appends: one committed after it sees it.
      await session.query('SELECT head_seq FROM evidence_chain WHERE id = 1 FOR UPDATE');
      const erasedAt = new Date();
      await session.query(
        `INSERT INTO evidence_erasures (customer_hash, erased_at) VALUES ($1, $2)
         ON CONFLICT (customer_hash) DO UPDATE SET erased_at = GREATEST(evidence_erasures.erased_at, EXCLUDED.erased_at)`,
        [customerHash, erasedAt],
      );
      const destroyed = await session.query<{ key_id: string }>(
        `UPDATE evidence_data_keys SET wrapped_key = NULL, destroyed_at = $2
          WHERE customer_hash = $1 AND wrapped_key IS NOT NULL RETURNING key_id`,
        [customerHash, erasedAt],
      );
      const keyIds = destroyed.rows.map((row) => row.key_id);
      const counted = await session.query<{ n: unknown }>(
        'SELECT count(*) AS n FROM evidence_records WHERE key_id = ANY($1::text[])',
        [keyIds],
      );
      return { evidenceRecords: int(counted.rows[0]?.n ?? 0), erasedAt };
    }));
    this.events.erasure();
    return result;
  }

  recordAccess(entry: AccessEntry): void {
    try {
      this.accessLog.record(entry);
    } catch {
      this.events.access({ result: 'dropped', count: 1 });
    }
  }

  async readAccessLog(customerId: string, since?: Date): Promise<AccessLogView[]> {
    await this.accessLog.flush();
    return this.guard('access_log_read', () => this.accessLog.read(customerId, since));
  }

  async sweep(now: Date = new Date()): Promise<{ evidenceRecords: number; accessEntries: number }> {
    const cutoff = new Date(now.getTime() - this.config.retentionDays * DAY_MS);
    return this.guard('sweep', () => inTransaction(this.driver, async (session) => {
      const chain = (await session.query<Record<string, unknown>>('SELECT head_seq, anchor_seq FROM evidence_chain WHERE id = 1 FOR UPDATE')).rows[0];
      if (!chain) throw new Error('evidence chain row missing');
      // Only a prefix of the chain goes: the oldest records up to the first one still inside retention.
      const young = (await session.query<{ m: unknown }>('SELECT min(seq) AS m FROM evidence_records WHERE retrieved_at >= $1', [cutoff])).rows[0]?.m;
      const last = young === null || young === undefined ? int(chain.head_seq) : int(young) - 1;
      let evidenceRecords = 0;
      if (last > int(chain.anchor_seq)) {
        const anchor = (await session.query<{ hash: unknown }>('SELECT hash FROM evidence_records WHERE seq = $1', [last])).rows[0];
        if (anchor) {
          evidenceRecords = (await session.query('DELETE FROM evidence_records WHERE seq <= $1', [last])).rowCount ?? 0;
          await session.query('UPDATE evidence_chain SET anchor_seq = $1, anchor_hash = $2 WHERE id = 1', [last, bytes(anchor.hash)]);
        }
      }
      await session.query(
        `DELETE FROM evidence_data_keys k WHERE k.created_at < $1
            AND NOT EXISTS (SELECT 1 FROM evidence_records r WHERE r.key_id = k.key_id)`,
        [cutoff],
      );
      await session.query('DELETE FROM evidence_erasures WHERE erased_at < $1', [cutoff]);
      const accessEntries = (await session.query('DELETE FROM evidence_access_log WHERE at < $1', [cutoff])).rowCount ?? 0;
      return { evidenceRecords, accessEntries };
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweepTimer);
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.accessLog.stop();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.accessLog.flush(), new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_FLUSH_MS)))]);
    clearTimeout(timer);
    if (this.accessLog.pending > 0) this.events.access({ result: 'dropped', count: this.accessLog.pending });
    for (const pending of this.pending.splice(0)) this.settle(pending, new EvidenceUnavailableError('evidence ledger closed'));
    await this.driver.end().catch(() => undefined);
  }

  private async view(row: Record<string, unknown>, expiredBefore: number): Promise<EvidenceRecordView> {
    const retrievedAt = row.retrieved_at as Date;
    const base = { id: String(row.id), vendor: String(row.vendor), product: String(row.product), retrievedAt };
    const empty = { ...base, customerId: null, vendorRequestId: null, body: null, arguments: null };
    if (row.wrapped_key === null || row.wrapped_key === undefined) return { ...empty, status: 'ERASED' };
    if (retrievedAt.getTime() < expiredBefore) return { ...empty, status: 'EXPIRED' };
    const customerHash = bytes(row.customer_hash);
    const fingerprint = row.master_fingerprint === null || row.master_fingerprint === undefined ? null : String(row.master_fingerprint);
    const dataKey = this.ring.unwrap(String(row.key_id), customerHash, bytes(row.wrapped_key), fingerprint);
    const plain = dataKey && open(dataKey, Buffer.from(base.id, 'utf8'), bytes(row.sealed));
    // A record no master key held here opens reads like an erased one: nothing of it is shown.
    if (!plain) return { ...empty, status: 'ERASED' };
    const payload = await decodePayload(plain);
    if (!payload) return { ...empty, status: 'ERASED' };
    const text = payload.body.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { ...base, status: 'AVAILABLE', customerId: payload.customerId, vendorRequestId: payload.vendorRequestId, body, arguments: payload.arguments };
  }

  /** Starts a group-commit loop unless one runs: every draft queued meanwhile goes into the next transaction. */
  private kick(): void {
    if (this.writing) return;
    this.writing = true;
    setImmediate(() => void this.writeLoop());
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.pending.length > 0 && this.state === 'up') {
        const batch = this.pending.splice(0, GROUP_MAX);
        try {
          const prepared = await Promise.all(batch.map((p) => p.prepared));
          const results = await inTransaction(this.driver, (session) => writeBatch(session, this.ring, prepared));
          batch.forEach((pending, index) => this.settle(pending, results[index] ?? new EvidenceUnavailableError()));
        } catch (error) {
          this.failed('append', error);
          for (const pending of batch) this.settle(pending, new EvidenceUnavailableError());
        }
      }
      for (const pending of this.pending.splice(0)) this.settle(pending, new EvidenceUnavailableError());
    } finally {
      this.writing = false;
    }
  }

  private settle(pending: Pending, outcome: AppendResult | Error): void {
    if (pending.settled) return;
    pending.settled = true;
    clearTimeout(pending.timer);
    const { vendor, product } = pending.draft;
    const durationMs = performance.now() - pending.started;
    if (outcome instanceof Error) {
      this.events.write({ vendor, product, result: 'error', durationMs });
      pending.reject(outcome);
    } else {
      this.events.write({ vendor, product, result: 'evidenceId' in outcome ? 'ok' : 'refused', durationMs });
      pending.resolve(outcome);
    }
  }

  /** The keyring's keys; every caller runs only while up, which a loaded keyring precedes. */
  private get ring(): EvidenceKeys {
    if (!this.keys) throw new EvidenceUnavailableError();
    return this.keys;
  }

  /** Runs a database call; down: fails fast; failing: counts it, marks the ledger down if the database is at fault. */
  private async guard<T>(operation: string, work: () => Promise<T>): Promise<T> {
    if (this.state === 'down' || this.closed) {
      this.events.error({ operation });
      throw new EvidenceUnavailableError();
    }
    try {
      return await work();
    } catch (error) {
      this.failed(operation, error);
      throw new EvidenceUnavailableError();
    }
  }

  /** A failed call: counted, logged with its SQLSTATE only, and the ledger goes down unless the fault was the statement's. */
  private failed(operation: string, error: unknown): void {
    const code = (error as { code?: unknown }).code;
    this.events.error({ operation });
    this.logger.warn({ operation, code: typeof code === 'string' ? code : undefined }, 'evidence ledger call failed');
    if (typeof code === 'string' && /^(22|23|42)/.test(code)) return;
    this.markDown();
  }

  private markDown(): void {
    if (this.closed) return;
    if (this.state === 'up') {
      this.state = 'down';
      this.events.health('down');
      this.logger.warn('evidence ledger down');
    }
    if (!this.probeTimer) {
      this.probeTimer = setInterval(() => void this.probe(), this.config.healthProbeMs);
      this.probeTimer.unref();
    }
  }

  private probing = false;

  /** One try: migrate if never done, load the keyring if not yet loaded, `SELECT 1`; up on success. */
  private async probe(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      if (!this.migrated) {
        await migrate(this.driver, this.logger);
        this.migrated = true;
      }
      this.keys ??= await loadKeyring(this.driver, this.masters);
      await this.driver.query('SELECT 1');
      if (this.closed) return;
      if (this.probeTimer) clearInterval(this.probeTimer);
      this.probeTimer = undefined;
      if (this.state === 'down') {
        this.state = 'up';
        this.events.health('up');
        this.logger.info('evidence ledger up');
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.events.error({ operation: !this.migrated ? 'migrate' : this.keys ? 'probe' : 'keyring' });
      if (error instanceof KeyringLockedError) {
        // A configuration fault, not an outage: said once, at error level (fingerprints only, never a key).
        if (!this.lockedLogged) this.logger.error({ code: error.code }, error.message);
        this.lockedLogged = true;
      } else {
        this.logger.warn({ code: typeof code === 'string' ? code : undefined }, 'evidence ledger probe failed');
      }
      this.markDown();
    } finally {
      this.probing = false;
    }
  }
}
