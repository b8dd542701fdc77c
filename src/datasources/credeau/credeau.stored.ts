import type { DeviceInsightsRecord } from '../../types/credeau/device-insights.type';
import type { ExtractedSms } from '../../types/credeau/extracted-sms.type';
import { CompactFeatureSet, FeatureSet } from '../../types/feature-set';
import { heapBytes } from '../../store/heap-bytes';
import { jsonDescriptor, settlednessOfStatus, type StoreDescriptor } from '../../store/store-descriptor';
import { credeauProducts } from './credeau.config';

/** What is stored of a customer's DeviceInsights: the record without its features, the values, the table. */
interface CompactInsights {
  s: DeviceInsightsRecord['status'];
  id: string | null;
  rq: number | null;
  pr: number | null;
  /** Name table hash; absent when there are no features (not COMPLETE). */
  h?: string;
  v: unknown[];
}

/**
 * The heap one kept record holds: the record, its dates, the CompactFeatureSet and its values, but not
 * the name table every customer shares.
 */
function keptBytes(record: DeviceInsightsRecord): number {
  const features = record.features instanceof CompactFeatureSet ? { ...record.features, table: null } : record.features;
  return heapBytes({ ...record, features });
}

/**
 * Credeau DeviceInsights in the store: its ~3000 feature names are the same for every customer, so they
 * are kept once (a shared name table, in memory and in Redis) and each customer costs only its values.
 * featureCount, feature(name) and features(names) read that compact form directly.
 */
export const credeauInsightsStored: StoreDescriptor<DeviceInsightsRecord> = {
  product: credeauProducts.insights.name,
  vendor: 'CREDEAU',
  settledness: (record) => settlednessOfStatus(record.status),
  compact(record, tables) {
    if (record.features instanceof CompactFeatureSet) {
      return { kept: record, bytes: keptBytes(record), tables: [record.features.table] };
    }
    const { names, values } = record.features.columns();
    if (names.length === 0) return { kept: record, bytes: keptBytes(record), tables: [] };
    const table = tables.intern(names);
    const kept: DeviceInsightsRecord = { ...record, features: new CompactFeatureSet(table, values) };
    return { kept, bytes: keptBytes(kept), tables: [table] };
  },
  // Plain JSON both ways: the compact form holds numbers, strings and the vendor's own values, none of
  // the Date / FeatureSet markers encodeJson and decodeJson exist for, whose replacer and reviver would be
  // called once per value (~3000 per customer, on every cold answer's write).
  serialize(record) {
    const features = record.features;
    const compact: CompactInsights = {
      s: record.status,
      id: record.requestId,
      rq: record.requestedAt?.getTime() ?? null,
      pr: record.processedAt?.getTime() ?? null,
      ...(features instanceof CompactFeatureSet ? { h: features.table.hash, v: features.values as unknown[] } : { v: [] }),
    };
    return Buffer.from(JSON.stringify(compact), 'utf8');
  },
  async deserialize(plaintext, tables) {
    const compact = JSON.parse(plaintext.toString('utf8')) as CompactInsights;
    if (!compact || !Array.isArray(compact.v) || typeof compact.s !== 'string') return undefined;
    let features: FeatureSet = FeatureSet.empty();
    if (compact.h !== undefined) {
      const table = await tables.resolve(compact.h);
      // An unknown table, or values that do not fit it, is a miss, never a half-read customer.
      if (!table || table.names.length !== compact.v.length) return undefined;
      features = new CompactFeatureSet(table, compact.v);
    }
    const kept: DeviceInsightsRecord = {
      status: compact.s,
      requestId: compact.id,
      requestedAt: compact.rq === null ? null : new Date(compact.rq),
      processedAt: compact.pr === null ? null : new Date(compact.pr),
      features,
    };
    return { kept, bytes: keptBytes(kept), tables: [] };
  },
};

/** One customer's extracted SMS list (for one threshold): every page of a window is cut from it. */
export interface SmsList {
  records: ExtractedSms[];
}

/** A fetched list is always a settled answer (an empty one included). */
export const credeauSmsStored: StoreDescriptor<SmsList> = jsonDescriptor<SmsList>(credeauProducts.sms.name, 'CREDEAU', () => 'settled');
