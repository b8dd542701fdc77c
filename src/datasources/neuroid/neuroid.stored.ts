import { jsonDescriptor, settlednessOfStatus } from '../../store/store-descriptor';
import type { BehaviorSignalsRecord } from '../../types/neuroid/behavior-signals.type';
import { neuroidProducts } from './neuroid.config';

/** NeuroID behaviour signals in the store (a short window: behaviour moves fast). */
export const neuroidStored = jsonDescriptor<BehaviorSignalsRecord>(neuroidProducts.signals.name, 'NEUROID', (record) => settlednessOfStatus(record.status));
