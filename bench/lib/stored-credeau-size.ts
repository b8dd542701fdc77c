import { credeauInsightsStored } from '../../src/datasources/credeau/credeau.stored';
import { toDeviceInsights } from '../../src/datasources/credeau/credeau.mapper';
import { newEvidenceId } from '../../src/evidence/record-writer';
import { entryOverheadBytes } from '../../src/store/memory-level';
import { SharedNameTables } from '../../src/store/name-tables';
import { nameTableKey } from '../../src/store/store-keys';
import { requireCleanLoad, type BenchContext } from './bench-context';
import { fetchCredeauBody } from './credeau-body';
import { runLoad } from './load';
import { oneCustomerBody } from './operations';

export interface StoredCredeauSize {
  /** The raw vendor body. */
  bodyBytes: number;
  /** Level 1: the store's own size accounting of the compact entry (what counts against SIGNALS_MEMORY_CACHE_MAX_BYTES). */
  level1Bytes: number;
  /** Level 2: STRLEN of the customer's sealed value. */
  redisValueBytes: number;
  /** Level 2: MEMORY USAGE of that key (value, key and Redis's own overhead). */
  redisMemoryUsageBytes: number;
  /** The shared name table, stored once for every customer: STRLEN of its sealed value. */
  nameTableBytes: number;
}

const CUSTOMER = 'bench-stored-credeau';

/**
 * The memory one stored Credeau customer costs. Level 1 is the store's own accounting (the server's
 * memory level keeps no per-key figure it could report), computed here by the same code on the same
 * simulator body; level 2 is read from the bench's Redis after the server stored the customer.
 */
export async function storedCredeauSize(context: BenchContext): Promise<StoredCredeauSize> {
  const deviceInsights = context.fields.filter((field) => field.name === 'deviceInsights');
  requireCleanLoad(
    'stored Credeau customer',
    await runLoad({ url: context.server.graphqlUrl, connections: 1, amount: 1, body: { kind: 'fixed', body: oneCustomerBody(CUSTOMER, deviceInsights) }, timeoutSec: 30 }),
  );

  const raw = await fetchCredeauBody(context.simulators.credeau, CUSTOMER);
  const record = toDeviceInsights(JSON.parse(raw.toString('utf8')), CUSTOMER, '+00:00');
  const compacted = credeauInsightsStored.compact(record, new SharedNameTables('credeau', undefined));
  const key = context.storeKeys.entry('credeau', { customerId: CUSTOMER });
  const tableHash = compacted.tables[0]?.hash;
  if (!tableHash) throw new Error('stored Credeau customer: the simulator body has no features to compact');

  const integer = (...args: string[]) => {
    const answer = Number(context.redis.cli(...args).trim());
    if (!Number.isFinite(answer) || answer <= 0) throw new Error(`stored Credeau customer: redis ${args.join(' ')} gave no size (not stored?)`);
    return answer;
  };
  return {
    bodyBytes: raw.length,
    // What the level counts: the kept value and what it holds beside it (key, evidence id, its bookkeeping).
    level1Bytes: compacted.bytes + entryOverheadBytes(key, { value: compacted.kept, retrievedAt: 0, expiresAt: 0, evidenceId: newEvidenceId() }),
    redisValueBytes: integer('STRLEN', key),
    redisMemoryUsageBytes: integer('MEMORY', 'USAGE', key),
    nameTableBytes: integer('STRLEN', nameTableKey('credeau', tableHash)),
  };
}
