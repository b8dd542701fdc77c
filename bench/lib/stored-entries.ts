import type { StoredProduct } from '../../src/config';
import { credeauInsightsStored, credeauSmsStored } from '../../src/datasources/credeau/credeau.stored';
import { toDeviceInsights } from '../../src/datasources/credeau/credeau.mapper';
import { toExtractedSmsList } from '../../src/datasources/credeau/credeau-sms.mapper';
import { credolabStored } from '../../src/datasources/credolab/credolab.stored';
import { toCredolabScore } from '../../src/datasources/credolab/credolab.mapper';
import { finboxStored } from '../../src/datasources/finbox/finbox.stored';
import { toFinboxPredictors } from '../../src/datasources/finbox/finbox.mapper';
import { neuroidStored } from '../../src/datasources/neuroid/neuroid.stored';
import { toBehaviorSignals } from '../../src/datasources/neuroid/neuroid.mapper';
import { featuresJsonFragment } from '../../src/simulators/credeau/credeau.features';
import { smsRecordsFor } from '../../src/simulators/credeau/credeau-sms.records';
import { androidInsight } from '../../src/simulators/credolab/credolab.samples';
import { predictorsFor } from '../../src/simulators/finbox/finbox.predictors';
import { neuroidProfile } from '../../src/simulators/neuroid/neuroid.profiles';
import type { SharedNameTables } from '../../src/store/name-tables';
import type { Compacted, StoreDescriptor } from '../../src/store/store-descriptor';

/** SMS records per simulated customer: the simulator's own default list length range (see credeau-sms.route). */
const SMS_PER_CUSTOMER = 40;

/**
 * One product's stored entry built as the server builds it: the simulator's body as text, parsed, mapped
 * by the vendor's mapper and compacted by its store descriptor. Only the compacted form survives the call
 * (the text and the parsed body are garbage once it returns), which is what level 1 keeps.
 */
export interface StoredEntryMaker {
  product: StoredProduct;
  make(customerId: string, tables: SharedNameTables): Compacted<unknown>;
}

/** Parses `json` from text, as the wire would hand it over (fresh strings and numbers, nothing shared with the simulator). */
function overTheWire(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json)) as unknown;
}

function maker<V>(product: StoredProduct, descriptor: StoreDescriptor<V>, record: (customerId: string) => V): StoredEntryMaker {
  return { product, make: (customerId, tables) => descriptor.compact(record(customerId), tables) as Compacted<unknown> };
}

const stamp = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/** Credeau DeviceInsights: ~3000 features per customer, the body the simulator answers a completed request with. */
export const credeauEntries = maker('credeau', credeauInsightsStored, (customerId) => {
  const now = new Date();
  const text =
    `{"user_id":${JSON.stringify(customerId)},"request_id":"req-${customerId}","data_requested_time":"${stamp(new Date(now.getTime() - 3000))}",` +
    `${featuresJsonFragment(customerId)},"message":"featurization completed","data_processed_time":"${stamp(now)}"}`;
  return toDeviceInsights(JSON.parse(text), customerId, '+00:00');
});

export const STORED_ENTRY_MAKERS: readonly StoredEntryMaker[] = [
  credeauEntries,
  maker('credeau-sms', credeauSmsStored, (customerId) => ({
    records: toExtractedSmsList(overTheWire({ extracted_sms_data: smsRecordsFor(customerId, 'sim-client', SMS_PER_CUSTOMER) }), customerId, '+00:00'),
  })),
  maker('finbox', finboxStored, (customerId) => {
    const iso = (date: Date) => `${date.toISOString().slice(0, 19)}:${date.toISOString().slice(20, 23)}`;
    const body = {
      customer_id: customerId,
      request_id: `fbx-${customerId}`.slice(0, 32),
      date_requested: iso(new Date(Date.now() - 3000)),
      date_processed: iso(new Date()),
      status: 'complete',
      message: 'data processed successfully',
      data: predictorsFor(customerId, 1),
    };
    return toFinboxPredictors(overTheWire(body), 200, { customerId, version: 1 }, '+00:00');
  }),
  maker('credolab', credolabStored, (customerId) => toCredolabScore(200, overTheWire(androidInsight(customerId, 'bench@credolab.test')), customerId)),
  maker('neuroid', neuroidStored, (customerId) =>
    toBehaviorSignals(
      200,
      overTheWire({ status: 'SUCCESS', message: 'success', moreInfo: null, profile: neuroidProfile(customerId, 'form_neuro100', 'genuine') }),
      customerId,
      'form_neuro100',
    ),
  ),
];
