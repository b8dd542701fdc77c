import { jsonDescriptor, settlednessOfStatus } from '../../store/store-descriptor';
import type { FinboxPredictorsRecord } from '../../types/finbox/finbox-predictors.type';
import { finboxProducts } from './finbox.config';

/** FinBox predictors in the store: a few dozen values, kept as they are. */
export const finboxStored = jsonDescriptor<FinboxPredictorsRecord>(finboxProducts.predictors.name, 'FINBOX', (record) => settlednessOfStatus(record.status));
