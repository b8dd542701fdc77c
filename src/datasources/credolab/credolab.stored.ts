import { jsonDescriptor, settlednessOfStatus } from '../../store/store-descriptor';
import type { CredolabScoreRecord } from '../../types/credolab/credolab-score.type';
import { credolabProducts } from './credolab.config';

/**
 * Credolab's dataset insight in the store. The fraud check is never stored: it is an event (e-mail,
 * phone) evaluated now, not a signal about the customer.
 */
export const credolabStored = jsonDescriptor<CredolabScoreRecord>(credolabProducts.score.name, 'CREDOLAB', (record) => settlednessOfStatus(record.status));
