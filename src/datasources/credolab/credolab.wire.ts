/** Credolab API v6.0 JSON as sent. Never imported outside this folder: mappers turn it into our types. */

export interface CredolabLoginRequest {
  userEmail: string;
  password: string;
}

export interface CredolabRefreshRequest {
  refreshToken: string;
}

/** Answer of both login and refreshToken. Times are ISO-8601, e.g. `2018-04-08T11:01:41.9286886+03:00`. */
export interface CredolabTokenResponse {
  access_token?: string;
  token_type?: string;
  '.issued'?: string;
  '.expires'?: string;
  refresh_token?: string;
}

/** RFC 7807 problem+json; validation failures carry `errors` (field -> messages) instead of a code title. */
export interface CredolabProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** Problem titles Credolab documents, per action. Only these are ever named in our messages. */
export const LOGIN_REJECTION_TITLES = [
  'password_invalid',
  'user_email_invalid',
  'subscription_suspended',
  'profile_inactive',
] as const;

export const INSIGHT_PROBLEM_TITLES = ['reference_number_invalid', 'insights_is_not_configured', 'dataset_removed'] as const;

export const FRAUD_CHECK_PROBLEM_TITLES = [
  'ruleset_id_invalid',
  'missing_settings',
  'empty_iovation_metadata',
  'reference_number_invalid',
  'dataset_removed',
] as const;

/** `datasetInfo.source`: 0 Android, 1 iOS, 2 Web. */
export type CredolabSource = 0 | 1 | 2;

export interface CredolabDatasetInsight {
  datasetInfo?: {
    referenceNumber?: string;
    /** GMT, often without a zone: `2021-08-31T06:23:14.342556`. */
    uploadDate?: string;
    source?: CredolabSource | number;
  };
  requestedDate?: string;
  /** The e-mail of our own API user; never copied into our types. */
  requestor?: string;
  scores?: Array<{ code?: string; value?: number; probability?: number }>;
  /** `value` is any JSON: the iOS sample sends `velocity` as an array where Android sends an object. */
  fragments?: Array<{ code?: string; value?: unknown }>;
}

export interface CredolabFraudCheckRequest {
  iovationRequestParams: {
    accountCode: string;
    transactionInsight?: { email?: string; eventId?: string; mobilePhoneNumber?: string };
  };
}

export interface CredolabIpInfo {
  address?: string;
  isp?: string;
  parentOrganization?: string;
  source?: string;
  ipLocation?: {
    city?: string;
    country?: string;
    countryCode?: string;
    region?: string;
    latitude?: number;
    longitude?: number;
  };
}

export interface CredolabFraudCheckResponse {
  accountCode?: string;
  requestedDate?: string;
  rulesetId?: string;
  requestor?: string;
  value?: {
    id?: string;
    result?: string;
    reason?: string;
    statedIp?: string;
    accountCode?: string;
    trackingNumber?: number | string;
    details?: {
      device?: {
        alias?: number | string;
        blackboxMetadata?: { age?: number; timeStamp?: string };
        firstSeen?: string;
        isNew?: boolean;
        mobile?: Record<string, unknown>;
        os?: string;
        type?: string;
      };
      statedIp?: CredolabIpInfo;
      realIp?: CredolabIpInfo;
      ruleResults?: {
        score?: number;
        rulesMatched?: number;
        rules?: Array<{ type?: string; reason?: string; score?: number }>;
      };
    };
  };
}
