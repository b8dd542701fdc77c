/** Credeau's JSON as sent. Never imported outside this folder: mappers turn it into our types. */

export const CREDEAU_GROUPINGS = ['sms', 'fraud', 'extracted_sms'] as const;

export interface CredeauInsightsRequest {
  user_id: string;
  client_id: string;
  groupings: typeof CREDEAU_GROUPINGS;
}

/** Metadata keys that sit beside the ~3000 feature keys in one flat object. */
export const CREDEAU_METADATA_KEYS = [
  'user_id',
  'request_id',
  'data_requested_time',
  'data_processed_time',
  'message',
] as const;

export type CredeauMessage = 'featurization completed' | 'featurization in progress' | 'user not found';

export interface CredeauInsightsResponse {
  user_id?: string;
  request_id?: string;
  /** `YYYY-MM-DD HH:MM:SS`, no zone. */
  data_requested_time?: string;
  data_processed_time?: string;
  message?: CredeauMessage | string;
  [feature: string]: unknown;
}
