import { z } from 'zod';
import { lenient, wireId } from '../wire-schema';

/** FinBox DeviceConnect JSON as sent, as zod schemas. Never imported outside this folder: the mapper turns it into our types. */

export const finboxPredictorsRequest = z.object({
  customer_id: z.string(),
  /** DC_PREDICTORS_VERSION, the feature-set version FinBox issued. */
  version: z.number().int(),
  /** See finbox.salt.ts. */
  salt: z.string(),
});
export type FinboxPredictorsRequest = z.input<typeof finboxPredictorsRequest>;

/** `error` is documented for failed answers; a 200 carrying it is not one we can read. */
export const finboxStatus = z.enum(['in_progress', 'complete', 'no_data', 'not_found', 'error']);
export type FinboxStatus = z.output<typeof finboxStatus>;

/**
 * Every key but `status` and `message` may be missing, depending on the status; missing or mistyped
 * keys read as absent. `customer_id`, when present, must be an id (the mapper checks it is the one
 * asked about). A 202 is in progress whatever its status says, so the status is read leniently and the
 * mapper refuses an unknown one only for a 200. `message` is vendor text we never read.
 */
export const finboxPredictorsResponse = z.object({
  customer_id: wireId.nullish(),
  request_id: lenient(z.string()),
  status: lenient(finboxStatus),
  /** `YYYY-MM-DDThh:mm:ss:mil`, e.g. `2019-01-03T06:37:44:003`; no zone. */
  date_requested: lenient(z.string()),
  date_processed: lenient(z.string()),
  /**
   * The predictors when `complete`; null for `no_data` and `not_found`; absent while in progress. Read
   * (with finboxPredictorList) only for a complete answer, as FinBox only fills it then.
   */
  data: z.unknown().optional(),
});

/** One predictor: its value may be any JSON; the list differs by version and account. */
const finboxPredictor = z.object({ name: z.string(), value: z.unknown().optional() });

/** A list, or nothing; entries without a string name are dropped (absent): there is nothing to look them up by. */
export const finboxPredictorList = z.array(lenient(finboxPredictor)).nullish();
