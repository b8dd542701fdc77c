import { credeauInsightsStored } from '../../src/datasources/credeau/credeau.stored';
import { toDeviceInsights } from '../../src/datasources/credeau/credeau.mapper';
import { SharedNameTables } from '../../src/store/name-tables';
import { FeatureSet } from '../../src/types/feature-set';

/** A body whose key listings are counted: each is one walk of its (Credeau: ~3000) keys. */
function countedBody(body: Record<string, unknown>): { body: Record<string, unknown>; walks: () => number } {
  let walks = 0;
  const proxy = new Proxy(body, {
    ownKeys(target) {
      walks += 1;
      return Reflect.ownKeys(target);
    },
  });
  return { body: proxy, walks: () => walks };
}

describe('a fresh Credeau answer walks its feature keys once', () => {
  it('featureCount and the store compaction share one walk of the body', () => {
    const { body, walks } = countedBody({ f_a: 1, f_b: 'x', f_c: null, message: 'meta' });
    const features = new FeatureSet(body, new Set(['message']), true);
    expect(features.count).toBe(3);
    const record = { status: 'COMPLETE', requestId: 'r', requestedAt: null, processedAt: null, features } as unknown as Parameters<typeof credeauInsightsStored.compact>[0];
    const compacted = credeauInsightsStored.compact(record, new SharedNameTables('credeau', undefined));
    expect(compacted.kept.features.list()).toEqual([{ name: 'f_a', value: 1 }, { name: 'f_b', value: 'x' }, { name: 'f_c', value: null }]);
    expect(walks()).toBe(1);
  });

  it('the Credeau mapper opts in; a set kept as it is (no keepColumns) builds its columns anew and keeps nothing', () => {
    const mapped = toDeviceInsights({ user_id: 'u1', request_id: 'r1', f_a: 1, message: 'featurization completed' }, 'u1', '+00:00');
    expect(mapped.features.columns()).toBe(mapped.features.columns());
    const kept = new FeatureSet({ f_a: 1 });
    expect(kept.columns()).not.toBe(kept.columns());
  });
});
