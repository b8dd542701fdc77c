/** NeuroID Analytics API v4.1 JSON as sent. Never imported outside this folder: mappers turn it into our types. */

/** `status` of a 200 answer. */
export type NeuroidProfileStatus = 'SUCCESS' | 'SITE_NOT_CONFIGURED' | 'NOT_ENOUGH_INTERACTION_DATA';

export interface NeuroidSignal {
  model?: string;
  /** e.g. genuine, risky, high, false, or "insufficient data". */
  label?: string;
  /** Null when the model had too little data. */
  score?: number | null;
  attributes?: Record<string, unknown>;
}

export interface NeuroidProfileResponse {
  status?: NeuroidProfileStatus | string;
  message?: string;
  moreInfo?: string | null;
  profile?: {
    id?: string;
    siteId?: string;
    funnel?: string;
    clientId?: string;
    /** No fixed order or length: look signals up by model. */
    signals?: NeuroidSignal[];
    interactionAttributes?: Record<string, unknown>;
  };
}

/** Every error answer: `{status, message, moreInfo}`. */
export interface NeuroidErrorResponse {
  status?: string;
  message?: string;
  moreInfo?: string | null;
}

/** Error statuses NeuroID documents; only these are ever named in our messages. */
export const NEUROID_ERROR_STATUSES = [
  'BAD_REQUEST',
  'MISSING_REQUIRED_QUERY_PARAMETER',
  'MISSING_API_KEY',
  'UNAUTHORIZED_ACCESS',
  'UNAUTHORIZED_API_KEY',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'PROFILE_NOT_FOUND',
  'NOT_ACCEPTABLE',
  'UNKNOWN_ERROR',
] as const;
