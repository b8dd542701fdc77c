import { jsonDescriptor, settlednessOfStatus } from '../../store/store-descriptor';
import type { FinboxPredictorsRecord } from '../../types/finbox/finbox-predictors.type';

/** FinBox predictors in the store: a few dozen values, kept as they are. */
export const finboxStored = jsonDescriptor<FinboxPredictorsRecord>('finbox', 'FINBOX', (record) => settlednessOfStatus(record.status));
