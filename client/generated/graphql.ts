/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** The result of one NeuroID model for a profile. */
export type BehaviorSignal = {
  __typename?: 'BehaviorSignal';
  /** Signal-level ID Attributes, when purchased. */
  attributes?: Maybe<Scalars['JSON']['output']>;
  /** e.g. genuine, risky, high, false, "insufficient data". */
  label?: Maybe<Scalars['String']['output']>;
  /** The model, e.g. familiarity, combined_digital_intent. */
  model: Scalars['String']['output'];
  /** Null when NeuroID had too little data for this model. */
  score?: Maybe<Scalars['Float']['output']>;
};

/** NeuroID (Analytics API v4.1) behavioural signals for one profile on one site. */
export type BehaviorSignals = {
  __typename?: 'BehaviorSignals';
  /** NeuroID's id of the browser behind the profile. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** The evidence ledger's id of the exact vendor answer these values came from (the same for every response served from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when the ledger could not record it, null with no error when evidence is disabled. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** True when served from the signal store rather than fetched from the vendor for this request. */
  fromCache: Scalars['Boolean']['output'];
  funnel?: Maybe<Scalars['String']['output']>;
  /** Interaction-level ID Attributes, when purchased. */
  interactionAttributes?: Maybe<Scalars['JSON']['output']>;
  /** The NeuroID identity: our customer id. */
  profileId: Scalars['String']['output'];
  /** When this subgraph received this answer from the vendor. */
  retrievedAt: Scalars['DateTime']['output'];
  /** The signal of one model; null when absent. */
  signal?: Maybe<BehaviorSignal>;
  /** In no fixed order: look one up with signal(model:). */
  signals: Array<BehaviorSignal>;
  siteId: Scalars['String']['output'];
  /** True when the vendor failed and this stored answer, past its freshness, was served instead: the field asked with `maxStale`. */
  stale: Scalars['Boolean']['output'];
  /** COMPLETE; INSUFFICIENT_DATA (signals kept, some scores null); NOT_CONFIGURED; NOT_FOUND. */
  status: InsightStatus;
};


/** NeuroID (Analytics API v4.1) behavioural signals for one profile on one site. */
export type BehaviorSignalsSignalArgs = {
  model: Scalars['String']['input'];
};

/** One Credolab fragment: an insight other than the score. */
export type CredolabFragment = {
  __typename?: 'CredolabFragment';
  /** Fragment code, e.g. velocity, device_info, permission. */
  code: Scalars['String']['output'];
  /** As Credolab sent it: string, array or object (iOS and Android may differ in shape). */
  value?: Maybe<Scalars['JSON']['output']>;
};

/** Credolab iovation fraud check of one transaction on a dataset. */
export type CredolabFraudCheck = {
  __typename?: 'CredolabFraudCheck';
  accountCode?: Maybe<Scalars['String']['output']>;
  device?: Maybe<CredolabFraudDevice>;
  /** The evidence ledger's id of the exact vendor answer these values came from (the same for every response served from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when the ledger could not record it, null with no error when evidence is disabled. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** The IP address iovation saw. */
  realIp?: Maybe<CredolabIpDetails>;
  reason?: Maybe<Scalars['String']['output']>;
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** iovation result, e.g. A (allow), R (review), D (deny). */
  result?: Maybe<Scalars['String']['output']>;
  /** iovation's id for this check. */
  resultId?: Maybe<Scalars['String']['output']>;
  rules: Array<CredolabFraudRule>;
  rulesMatched?: Maybe<Scalars['Int']['output']>;
  rulesetId?: Maybe<Scalars['String']['output']>;
  /** Total score of the rules that matched. */
  score?: Maybe<Scalars['Float']['output']>;
  /** The IP address the transaction stated. */
  statedIp?: Maybe<CredolabIpDetails>;
  /** NOT_FOUND/REMOVED: no such dataset; NOT_CONFIGURED: no rulesets on the subscription; NO_DATA: no iovation metadata in the dataset. */
  status: InsightStatus;
  /** iovation tracking number (a large number, kept as text). */
  trackingNumber?: Maybe<Scalars['String']['output']>;
};

/** The device iovation recognised for the transaction. */
export type CredolabFraudDevice = {
  __typename?: 'CredolabFraudDevice';
  /** iovation's device alias (a large number, kept as text). */
  alias?: Maybe<Scalars['String']['output']>;
  /** Age of the device blackbox, as iovation reports it. */
  blackboxAge?: Maybe<Scalars['Int']['output']>;
  blackboxTimestamp?: Maybe<Scalars['DateTime']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  isNew?: Maybe<Scalars['Boolean']['output']>;
  /** Mobile details (brand, app, location, system, build) as sent. */
  mobile?: Maybe<Scalars['JSON']['output']>;
  os?: Maybe<Scalars['String']['output']>;
  type?: Maybe<Scalars['String']['output']>;
};

/** One iovation rule that matched the transaction. */
export type CredolabFraudRule = {
  __typename?: 'CredolabFraudRule';
  reason?: Maybe<Scalars['String']['output']>;
  score?: Maybe<Scalars['Float']['output']>;
  type?: Maybe<Scalars['String']['output']>;
};

/** An IP address iovation saw, with its network and location. */
export type CredolabIpDetails = {
  __typename?: 'CredolabIpDetails';
  address?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  country?: Maybe<Scalars['String']['output']>;
  countryCode?: Maybe<Scalars['String']['output']>;
  isp?: Maybe<Scalars['String']['output']>;
  latitude?: Maybe<Scalars['Float']['output']>;
  longitude?: Maybe<Scalars['Float']['output']>;
  parentOrganization?: Maybe<Scalars['String']['output']>;
  region?: Maybe<Scalars['String']['output']>;
  source?: Maybe<Scalars['String']['output']>;
};

/** Where the credoSDK collected the dataset. */
export type CredolabPlatform =
  | 'ANDROID'
  | 'IOS'
  | 'WEB';

/** Credolab (API v6.0) credit score and fragments for one dataset. */
export type CredolabScore = {
  __typename?: 'CredolabScore';
  /** The evidence ledger's id of the exact vendor answer these values came from (the same for every response served from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when the ledger could not record it, null with no error when evidence is disabled. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** One fragment value by code, as sent; null when absent. */
  fragment?: Maybe<Scalars['JSON']['output']>;
  /** Every fragment; empty unless COMPLETE. */
  fragments: Array<CredolabFragment>;
  /** iovation fraud check of a transaction on this dataset. Null with a coded error when it fails. */
  fraudCheck?: Maybe<CredolabFraudCheck>;
  /** True when served from the signal store rather than fetched from the vendor for this request. */
  fromCache: Scalars['Boolean']['output'];
  platform?: Maybe<CredolabPlatform>;
  /** The first scorecard's probability of default. */
  probability?: Maybe<Scalars['Float']['output']>;
  /** The dataset asked for (the customer id unless given). */
  referenceNumber: Scalars['String']['output'];
  /** When Credolab answered this request. */
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When this subgraph received this answer from the vendor. */
  retrievedAt: Scalars['DateTime']['output'];
  /** The first scorecard's score. */
  score?: Maybe<Scalars['Float']['output']>;
  /** Every scorecard on the subscription; empty unless COMPLETE. */
  scores: Array<CredolabScorecard>;
  /** True when the vendor failed and this stored answer, past its freshness, was served instead: the field asked with `maxStale`. */
  stale: Scalars['Boolean']['output'];
  status: InsightStatus;
  /** When the dataset reached Credolab. */
  uploadedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** Credolab (API v6.0) credit score and fragments for one dataset. */
export type CredolabScoreFragmentArgs = {
  code: Scalars['String']['input'];
};


/** Credolab (API v6.0) credit score and fragments for one dataset. */
export type CredolabScoreFraudCheckArgs = {
  accountCode: Scalars['String']['input'];
  rulesetId: Scalars['String']['input'];
  transactionInsight?: InputMaybe<TransactionInsightInput>;
};

/** One Credolab scorecard deployed on our subscription. */
export type CredolabScorecard = {
  __typename?: 'CredolabScorecard';
  /** Component code defined by Credolab, e.g. SC01. */
  code: Scalars['String']['output'];
  /** Probability of default, 4 decimal places. */
  probability?: Maybe<Scalars['Float']['output']>;
  /** The score (an integer in practice, e.g. 595). */
  value?: Maybe<Scalars['Float']['output']>;
};

/** A customer, extended here with alternative-data signals from vendors. */
export type Customer = {
  __typename?: 'Customer';
  /** NeuroID behavioural signals of the customer. Null with a coded error when NeuroID fails. */
  behaviorSignals?: Maybe<BehaviorSignals>;
  /** Credolab score and fragments of one dataset. Null with a coded error when Credolab fails. */
  credolabScore?: Maybe<CredolabScore>;
  /** Credeau DeviceInsights. Null with a coded error when Credeau fails. */
  deviceInsights?: Maybe<DeviceInsights>;
  /** The customer's SMS as Credeau extracted them, a page at a time (Relay connection). Filters apply before paging: `totalCount` counts the messages matching the filter. Null with a coded error when Credeau fails. */
  extractedSms?: Maybe<ExtractedSmsConnection>;
  /** FinBox DeviceConnect risk predictors. Null with a coded error when FinBox fails. */
  finboxPredictors?: Maybe<FinboxPredictors>;
  id: Scalars['ID']['output'];
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerBehaviorSignalsArgs = {
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  maxStale?: InputMaybe<Scalars['Int']['input']>;
  siteId?: InputMaybe<Scalars['String']['input']>;
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerCredolabScoreArgs = {
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  maxStale?: InputMaybe<Scalars['Int']['input']>;
  referenceNumber?: InputMaybe<Scalars['String']['input']>;
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerDeviceInsightsArgs = {
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  maxStale?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerExtractedSmsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SmsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  maxStale?: InputMaybe<Scalars['Int']['input']>;
  threshold?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerFinboxPredictorsArgs = {
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  maxStale?: InputMaybe<Scalars['Int']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Credeau DeviceInsights: ~3000 device and SMS features for one customer. */
export type DeviceInsights = {
  __typename?: 'DeviceInsights';
  /** The evidence ledger's id of the exact vendor answer these values came from (the same for every response served from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when the ledger could not record it, null with no error when evidence is disabled. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** One feature by name; null when absent. */
  feature?: Maybe<Scalars['JSON']['output']>;
  /** How many features the vendor returned. */
  featureCount: Scalars['Int']['output'];
  /** The named features that exist, in the order asked; every feature when names is omitted. */
  features: Array<Feature>;
  /** True when served from the signal store rather than fetched from the vendor for this request. */
  fromCache: Scalars['Boolean']['output'];
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The vendor's id for this request, for support tickets. */
  requestId?: Maybe<Scalars['String']['output']>;
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When this subgraph received this answer from the vendor. */
  retrievedAt: Scalars['DateTime']['output'];
  /** True when the vendor failed and this stored answer, past its freshness, was served instead: the field asked with `maxStale`. */
  stale: Scalars['Boolean']['output'];
  status: InsightStatus;
};


/** Credeau DeviceInsights: ~3000 device and SMS features for one customer. */
export type DeviceInsightsFeatureArgs = {
  name: Scalars['String']['input'];
};


/** Credeau DeviceInsights: ~3000 device and SMS features for one customer. */
export type DeviceInsightsFeaturesArgs = {
  names?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Whether the vendor answer kept as evidence can still be read. */
export type EvidenceStatus =
  /** The vendor body as received can be read. */
  | 'AVAILABLE'
  /** The customer's signals were erased: the body and the customer id are gone for good. */
  | 'ERASED'
  /** Older than EVIDENCE_RETENTION_DAYS: no longer served, swept soon. */
  | 'EXPIRED';

/** One SMS from the customer's phone, with what Credeau extracted from it. */
export type ExtractedSms = {
  __typename?: 'ExtractedSms';
  /** Last digits of the account. Personal data: never logged. */
  accountLastDigits?: Maybe<Scalars['String']['output']>;
  /** The transaction amount, in the account's currency. */
  amount?: Maybe<Scalars['Float']['output']>;
  /** The message text. Personal data: never logged. */
  body?: Maybe<Scalars['String']['output']>;
  /** The other party of the transaction. Personal data: never logged. */
  counterparty?: Maybe<Scalars['String']['output']>;
  /** Credeau's id for this extracted record. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Whether Credeau classified the message. */
  isClassified?: Maybe<Scalars['Boolean']['output']>;
  /** Whether Credeau extracted values from the message. */
  isExtracted?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the message records a money movement. */
  isTransactional?: Maybe<Scalars['Boolean']['output']>;
  /** Credeau's NLP tag, e.g. "account_debit_executed_transfer_out". */
  nlpTag?: Maybe<Scalars['String']['output']>;
  /** When the phone received the message. */
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sender address as the phone shows it, e.g. "sbiupi". */
  sender?: Maybe<Scalars['String']['output']>;
  /** Who the sender is, e.g. "state bank of india". */
  senderName?: Maybe<Scalars['String']['output']>;
  /** Kind of sender, e.g. "bank". */
  senderType?: Maybe<Scalars['String']['output']>;
  /** The message id on the device. */
  smsId?: Maybe<Scalars['String']['output']>;
  /** Credeau's message sub-type, e.g. "bank". */
  smsSubType?: Maybe<Scalars['String']['output']>;
  /** Credeau's message type, e.g. "account_debit_executed". */
  smsType?: Maybe<Scalars['String']['output']>;
  /** Hash of the message template Credeau matched. */
  templateHash?: Maybe<Scalars['String']['output']>;
  /** e.g. "debit-transaction". */
  transactionType?: Maybe<Scalars['String']['output']>;
};

/** A page of a customer's extracted SMS (Relay connection), in Credeau's order. */
export type ExtractedSmsConnection = {
  __typename?: 'ExtractedSmsConnection';
  edges: Array<ExtractedSmsEdge>;
  /** The evidence ledger's id of the exact vendor answer these values came from (the same for every response served from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when the ledger could not record it, null with no error when evidence is disabled. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** True when served from the signal store rather than fetched from the vendor for this request. */
  fromCache: Scalars['Boolean']['output'];
  pageInfo: ExtractedSmsPageInfo;
  /** When this subgraph received this answer from the vendor. */
  retrievedAt: Scalars['DateTime']['output'];
  /** True when the vendor failed and this stored answer, past its freshness, was served instead: the field asked with `maxStale`. */
  stale: Scalars['Boolean']['output'];
  /** How many messages match the filter, across all pages (not just this page). */
  totalCount: Scalars['Int']['output'];
};

/** One message in a page of extracted SMS, with the cursor to resume after it. */
export type ExtractedSmsEdge = {
  __typename?: 'ExtractedSmsEdge';
  /** Opaque; pass as `after` to continue after this message. */
  cursor: Scalars['String']['output'];
  node: ExtractedSms;
};

/** Where a page of extracted SMS sits among all the matching messages. */
export type ExtractedSmsPageInfo = {
  __typename?: 'ExtractedSmsPageInfo';
  /** Cursor of the last edge; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More matching messages follow the last edge. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Matching messages precede the first edge (the page started after a cursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** One named vendor value. */
export type Feature = {
  __typename?: 'Feature';
  name: Scalars['String']['output'];
  /** Any JSON value, as the vendor sent it. */
  value?: Maybe<Scalars['JSON']['output']>;
};

/** FinBox DeviceConnect risk predictors for one customer. */
export type FinboxPredictors = {
  __typename?: 'FinboxPredictors';
  /** The evidence ledger's id of the exact vendor answer these values came from (the same for every response served from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when the ledger could not record it, null with no error when evidence is disabled. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** True when served from the signal store rather than fetched from the vendor for this request. */
  fromCache: Scalars['Boolean']['output'];
  /** One predictor's value by name; null when absent. */
  predictor?: Maybe<Scalars['JSON']['output']>;
  /** The named predictors that exist, in the order asked; every predictor, in FinBox's order, when names is omitted. */
  predictors: Array<Predictor>;
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** FinBox's id for this request, for support tickets. */
  requestId?: Maybe<Scalars['String']['output']>;
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When this subgraph received this answer from the vendor. */
  retrievedAt: Scalars['DateTime']['output'];
  /** True when the vendor failed and this stored answer, past its freshness, was served instead: the field asked with `maxStale`. */
  stale: Scalars['Boolean']['output'];
  /** COMPLETE, NO_DATA, NOT_FOUND, or IN_PROGRESS when FinBox was still computing at the poll deadline. */
  status: InsightStatus;
  /** The predictor feature-set version these predictors come from. */
  version: Scalars['Int']['output'];
};


/** FinBox DeviceConnect risk predictors for one customer. */
export type FinboxPredictorsPredictorArgs = {
  name: Scalars['String']['input'];
};


/** FinBox DeviceConnect risk predictors for one customer. */
export type FinboxPredictorsPredictorsArgs = {
  names?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Where a vendor stands on a customer: only COMPLETE carries a full result. */
export type InsightStatus =
  /** The vendor finished and returned its result. */
  | 'COMPLETE'
  /** Too little data for a trustworthy result; values may be null. */
  | 'INSUFFICIENT_DATA'
  /** The vendor is still computing; ask again later. */
  | 'IN_PROGRESS'
  /** Our account with the vendor is not set up for this product. */
  | 'NOT_CONFIGURED'
  /** The vendor has no record of this customer. */
  | 'NOT_FOUND'
  /** The vendor knows the customer but has nothing to report. */
  | 'NO_DATA'
  /** The vendor deleted the data under its retention policy. */
  | 'REMOVED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Erases one customer's signals everywhere: destroys the data key of their evidence (bodies unreadable for good), deletes their stored answers in Redis and in every replica's memory, keeps a vendor call in flight from being stored, and invalidates the customer's cache tag at the router. Needs the scope signals:erase. */
  eraseCustomerSignals: SignalErasure;
};


export type MutationEraseCustomerSignalsArgs = {
  id: Scalars['ID']['input'];
};

/** One FinBox DeviceConnect predictor. */
export type Predictor = {
  __typename?: 'Predictor';
  name: Scalars['String']['output'];
  /** Any JSON value, as FinBox sent it. */
  value?: Maybe<Scalars['JSON']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** One customer's signals by id, for use without the router. */
  customerSignals: Customer;
  /** Who read this customer's signals (and erased them), newest first, at most 1000 entries. Needs the scope signals:audit. */
  signalAccessLog: Array<SignalAccess>;
  /** The vendor answers behind past responses, by `evidenceId`, in the order asked (null for an unknown id). Needs the scope signals:audit; each body read is itself recorded in the access log. */
  signalEvidence: Array<Maybe<SignalEvidence>>;
};


export type QueryCustomerSignalsArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySignalAccessLogArgs = {
  customerId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QuerySignalEvidenceArgs = {
  ids: Array<Scalars['ID']['input']>;
};

export type RouterInvalidationResult =
  /** The endpoint could not be reached or refused: cached answers may live until their max-age. */
  | 'FAILED'
  /** ROUTER_INVALIDATION_URL is not set: the router cache expires on its own (max-age). */
  | 'NOT_CONFIGURED'
  /** The router's invalidation endpoint accepted the customer's cache tag. */
  | 'SENT';

/** One read of a customer's signals (or an erasure), from the access log. */
export type SignalAccess = {
  __typename?: 'SignalAccess';
  at: Scalars['DateTime']['output'];
  /** The `apollographql-client-name` header. */
  clientName?: Maybe<Scalars['String']['output']>;
  /** The `apollographql-client-version` header. */
  clientVersion?: Maybe<Scalars['String']['output']>;
  /** The evidence of the answer read; null when there was none. */
  evidenceId?: Maybe<Scalars['ID']['output']>;
  /** What was read, e.g. `Customer.extractedSms`, or `Mutation.eraseCustomerSignals`. */
  field: Scalars['String']['output'];
  operationName?: Maybe<Scalars['String']['output']>;
  /** The verified JWT subject that asked, or `anonymous` without JWT verification. */
  subject: Scalars['String']['output'];
};

/** The receipt of one customer's erasure, tier by tier. */
export type SignalErasure = {
  __typename?: 'SignalErasure';
  erasedAt: Scalars['DateTime']['output'];
  /** Evidence records made unreadable for good (their data key destroyed). */
  evidenceRecords: Scalars['Int']['output'];
  /** Replicas that confirmed they dropped the customer from memory (this one included). */
  replicasAcknowledged: Scalars['Int']['output'];
  /** Replicas that received the erasure (this one included). */
  replicasReached: Scalars['Int']['output'];
  routerInvalidation: RouterInvalidationResult;
  /** Stored answers deleted from Redis and from this replica's memory. */
  storeEntries: Scalars['Int']['output'];
};

/** One vendor answer as the evidence ledger kept it: what a past response was computed from. */
export type SignalEvidence = {
  __typename?: 'SignalEvidence';
  /** The arguments that shaped the answer; null once erased or expired. */
  arguments?: Maybe<Scalars['JSON']['output']>;
  /** The vendor's body as received, while AVAILABLE. */
  body?: Maybe<Scalars['JSON']['output']>;
  /** The customer the answer is about; null once erased or expired. */
  customerId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** Which of the vendor's products, e.g. credeau-sms. */
  product: Scalars['String']['output'];
  /** When this subgraph received the answer from the vendor. */
  retrievedAt: Scalars['DateTime']['output'];
  status: EvidenceStatus;
  /** The vendor that answered, e.g. CREDEAU. */
  vendor: Scalars['String']['output'];
  /** The vendor's id of the request, when it gave one; null once erased. */
  vendorRequestId?: Maybe<Scalars['String']['output']>;
};

/** Which extracted SMS to return; all given conditions must hold. */
export type SmsFilter = {
  /** Only messages received strictly after this instant; messages without a date are left out. */
  receivedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only messages received strictly before this instant; messages without a date are left out. */
  receivedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this kind of sender (exact match), e.g. "bank". */
  senderType?: InputMaybe<Scalars['String']['input']>;
  /** Only this Credeau message type (exact match), e.g. "account_debit_executed". */
  smsType?: InputMaybe<Scalars['String']['input']>;
  /** true: only messages Credeau marks transactional. false or null: no condition. */
  transactionalOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Transaction attributes for an iovation fraud check (personal data: never logged). */
export type TransactionInsightInput = {
  /** The customer's e-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Our id for the transaction. */
  eventId?: InputMaybe<Scalars['String']['input']>;
  /** The customer's mobile number, e.g. +15032246010. */
  mobilePhoneNumber?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerBehaviorSignalsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  siteId?: InputMaybe<Scalars['String']['input']>;
}>;


export type CustomerBehaviorSignalsQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, behaviorSignals?: { __typename?: 'BehaviorSignals', status: InsightStatus, profileId: string, siteId: string, funnel?: string | null, signals: Array<{ __typename?: 'BehaviorSignal', model: string, label?: string | null, score?: number | null }>, intent?: { __typename?: 'BehaviorSignal', label?: string | null, score?: number | null } | null } | null } };

export type CustomerCredolabScoreQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  referenceNumber?: InputMaybe<Scalars['String']['input']>;
  rulesetId?: Scalars['String']['input'];
}>;


export type CustomerCredolabScoreQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, credolabScore?: { __typename?: 'CredolabScore', status: InsightStatus, referenceNumber: string, platform?: CredolabPlatform | null, uploadedAt?: string | null, score?: number | null, probability?: number | null, velocity?: unknown | null, scores: Array<{ __typename?: 'CredolabScorecard', code: string, value?: number | null, probability?: number | null }>, fragments: Array<{ __typename?: 'CredolabFragment', code: string }>, fraudCheck?: { __typename?: 'CredolabFraudCheck', status: InsightStatus, result?: string | null, reason?: string | null, score?: number | null, rules: Array<{ __typename?: 'CredolabFraudRule', type?: string | null, reason?: string | null, score?: number | null }> } | null } | null } };

export type CustomerDeviceInsightsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  features?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CustomerDeviceInsightsQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, deviceInsights?: { __typename?: 'DeviceInsights', status: InsightStatus, requestId?: string | null, requestedAt?: string | null, processedAt?: string | null, featureCount: number, allSmsCount?: unknown | null, features: Array<{ __typename?: 'Feature', name: string, value?: unknown | null }> } | null } };

export type CustomerExtractedSmsNextPageQueryVariables = Exact<{
  id?: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CustomerExtractedSmsNextPageQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, extractedSms?: { __typename?: 'ExtractedSmsConnection', totalCount: number, pageInfo: { __typename?: 'ExtractedSmsPageInfo', hasPreviousPage: boolean, hasNextPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'ExtractedSmsEdge', cursor: string, node: { __typename?: 'ExtractedSms', id?: string | null, receivedAt?: string | null, sender?: string | null, smsType?: string | null } }> } | null } };

export type CustomerExtractedSmsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<SmsFilter>;
}>;


export type CustomerExtractedSmsQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, extractedSms?: { __typename?: 'ExtractedSmsConnection', totalCount: number, pageInfo: { __typename?: 'ExtractedSmsPageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ExtractedSmsEdge', node: { __typename?: 'ExtractedSms', receivedAt?: string | null, sender?: string | null, senderName?: string | null, smsType?: string | null, transactionType?: string | null, amount?: number | null, body?: string | null } }> } | null } };

export type CustomerFinboxPredictorsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  names?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CustomerFinboxPredictorsQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, finboxPredictors?: { __typename?: 'FinboxPredictors', status: InsightStatus, requestId?: string | null, requestedAt?: string | null, processedAt?: string | null, version: number, riskScore?: unknown | null, predictors: Array<{ __typename?: 'Predictor', name: string, value?: unknown | null }> } | null } };

export type DeviceInsightsInProgressQueryVariables = Exact<{
  id?: Scalars['ID']['input'];
}>;


export type DeviceInsightsInProgressQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, deviceInsights?: { __typename?: 'DeviceInsights', status: InsightStatus, requestId?: string | null, featureCount: number } | null } };

export type DeviceInsightsNotFoundQueryVariables = Exact<{
  id?: Scalars['ID']['input'];
}>;


export type DeviceInsightsNotFoundQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, deviceInsights?: { __typename?: 'DeviceInsights', status: InsightStatus, featureCount: number } | null } };

export type DeviceInsightsVendorDownQueryVariables = Exact<{
  id?: Scalars['ID']['input'];
}>;


export type DeviceInsightsVendorDownQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, deviceInsights?: { __typename?: 'DeviceInsights', status: InsightStatus, featureCount: number } | null, finboxPredictors?: { __typename?: 'FinboxPredictors', status: InsightStatus, version: number } | null } };


export const CustomerBehaviorSignalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerBehaviorSignals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"behaviorSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"profileId"}},{"kind":"Field","name":{"kind":"Name","value":"siteId"}},{"kind":"Field","name":{"kind":"Name","value":"funnel"}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"intent"},"name":{"kind":"Name","value":"signal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"StringValue","value":"combined_digital_intent","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerBehaviorSignalsQuery, CustomerBehaviorSignalsQueryVariables>;
export const CustomerCredolabScoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCredolabScore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"referenceNumber"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rulesetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"default","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credolabScore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"referenceNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"referenceNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"velocity"},"name":{"kind":"Name","value":"fragment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"StringValue","value":"velocity","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"fragments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fraudCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountCode"},"value":{"kind":"StringValue","value":"example-account","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"rulesetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rulesetId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerCredolabScoreQuery, CustomerCredolabScoreQueryVariables>;
export const CustomerDeviceInsightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDeviceInsights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"features"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"all_sms_count_nlp","block":false},{"kind":"StringValue","value":"txn_sms_count_nlp","block":false},{"kind":"StringValue","value":"credit_sms_count_nlp","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"featureCount"}},{"kind":"Field","alias":{"kind":"Name","value":"allSmsCount"},"name":{"kind":"Name","value":"feature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"all_sms_count_nlp","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"features"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"features"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerDeviceInsightsQuery, CustomerDeviceInsightsQueryVariables>;
export const CustomerExtractedSmsNextPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerExtractedSmsNextPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"sim-sms-120","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"c21zMTo0OTozMTY2ZGJiYzAwMDAwMDAwMDAwMDAwMzE","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"extractedSms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"smsType"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerExtractedSmsNextPageQuery, CustomerExtractedSmsNextPageQueryVariables>;
export const CustomerExtractedSmsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerExtractedSms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SmsFilter"}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"transactionalOnly"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"extractedSms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sender"}},{"kind":"Field","name":{"kind":"Name","value":"senderName"}},{"kind":"Field","name":{"kind":"Name","value":"smsType"}},{"kind":"Field","name":{"kind":"Name","value":"transactionType"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerExtractedSmsQuery, CustomerExtractedSmsQueryVariables>;
export const CustomerFinboxPredictorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerFinboxPredictors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"names"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"dc_risk_score","block":false},{"kind":"StringValue","value":"dc_income_estimate","block":false},{"kind":"StringValue","value":"dc_has_salary","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"finboxPredictors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","alias":{"kind":"Name","value":"riskScore"},"name":{"kind":"Name","value":"predictor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"dc_risk_score","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"predictors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"names"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerFinboxPredictorsQuery, CustomerFinboxPredictorsQueryVariables>;
export const DeviceInsightsInProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceInsightsInProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"sim-never-ready","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"featureCount"}}]}}]}}]}}]} as unknown as DocumentNode<DeviceInsightsInProgressQuery, DeviceInsightsInProgressQueryVariables>;
export const DeviceInsightsNotFoundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceInsightsNotFound"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"sim-not-found","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"featureCount"}}]}}]}}]}}]} as unknown as DocumentNode<DeviceInsightsNotFoundQuery, DeviceInsightsNotFoundQueryVariables>;
export const DeviceInsightsVendorDownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceInsightsVendorDown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"sim-unavailable","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"featureCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finboxPredictors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<DeviceInsightsVendorDownQuery, DeviceInsightsVendorDownQueryVariables>;