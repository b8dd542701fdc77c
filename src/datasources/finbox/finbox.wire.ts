/** FinBox DeviceConnect JSON as sent. Never imported outside this folder: the mapper turns it into our types. */

export interface FinboxPredictorsRequest {
  customer_id: string;
  /** DC_PREDICTORS_VERSION, the feature-set version FinBox issued. */
  version: number;
  /** See finbox.salt.ts. */
  salt: string;
}

export type FinboxStatus = 'in_progress' | 'complete' | 'no_data' | 'not_found' | 'error';

/** Every key but `status` and `message` may be missing, depending on the status. */
export interface FinboxPredictorsResponse {
  customer_id?: string | null;
  request_id?: string | null;
  status?: FinboxStatus | string;
  message?: string;
  /** `YYYY-MM-DDThh:mm:ss:mil`, e.g. `2019-01-03T06:37:44:003`; no zone. */
  date_requested?: string | null;
  date_processed?: string | null;
  /** The predictors when `complete`; null for `no_data` and `not_found`; absent while in progress. */
  data?: FinboxPredictorWire[] | null;
}

/** One predictor. Its value may be any JSON; the list differs by version and account. */
export interface FinboxPredictorWire {
  name?: string;
  value?: unknown;
}
