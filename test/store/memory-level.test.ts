import { credeauInsightsStored } from '../../src/datasources/credeau/credeau.stored';
import { MemoryLevel } from '../../src/store/memory-level';
import { SharedNameTables } from '../../src/store/name-tables';
import { FeatureSet } from '../../src/types/feature-set';
import { InsightStatus } from '../../src/types/insight-status.type';

const NAMES = Array.from({ length: 3000 }, (_, i) => `feature_${i}_count_nlp`);

/** A parsed Credeau body's shape: ~3000 features per customer, as the mapper hands them over. */
function recordFor(customer: number) {
  const body: Record<string, unknown> = {};
  NAMES.forEach((name, i) => (body[name] = (customer * 31 + i) % 97 === 0 ? null : ((customer + i) % 1000) / 10));
  return { status: InsightStatus.COMPLETE, requestId: `req-${customer}`, requestedAt: new Date(), processedAt: new Date(), features: new FeatureSet(body) };
}

describe('level 1 (process memory) under 10,000 distinct customers', () => {
  it('stays within its byte budget, evicting the least recently used, with the compact size accounting', () => {
    const budget = 8 * 1024 * 1024;
    const memory = new MemoryLevel(budget);
    const tables = new SharedNameTables('credeau', undefined);
    let largest = 0;
    for (let customer = 0; customer < 10_000; customer += 1) {
      const compacted = credeauInsightsStored.compact(recordFor(customer), tables);
      largest = Math.max(largest, compacted.bytes);
      memory.set(`signals:v1:credeau:{c-${customer}}`, { value: compacted.kept, retrievedAt: Date.now(), expiresAt: Date.now() + 60_000 }, compacted.bytes);
      expect(memory.bytes).toBeLessThanOrEqual(budget);
    }
    // The accounting is of the values (3000 slots at 8+ bytes), never of a few bytes per entry.
    expect(largest).toBeGreaterThan(3000 * 8);
    expect(memory.size).toBeLessThan(10_000);
    expect(memory.size).toBeGreaterThan(budget / (largest * 2));
    expect(memory.get('signals:v1:credeau:{c-9999}')).toBeDefined();
    expect(memory.get('signals:v1:credeau:{c-0}')).toBeUndefined();
    // One shared name table for every customer.
    const kept = memory.get<ReturnType<typeof recordFor>>('signals:v1:credeau:{c-9999}')?.value;
    expect(kept?.features.count).toBe(3000);
    expect(kept?.features.get('feature_5_count_nlp')).toBe(recordFor(9999).features.get('feature_5_count_nlp'));
  });
});
