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

/** A customer, extended here with alternative-data signals from vendors. */
export type Customer = {
  __typename?: 'Customer';
  /** Credeau DeviceInsights. Null with a coded error when Credeau fails. */
  deviceInsights?: Maybe<DeviceInsights>;
  /** The customer's SMS as Credeau extracted them, a page at a time (Relay connection). Filters apply before paging: `totalCount` counts the messages matching the filter. Null with a coded error when Credeau fails. */
  extractedSms?: Maybe<ExtractedSmsConnection>;
  /** FinBox DeviceConnect risk predictors. Null with a coded error when FinBox fails. */
  finboxPredictors?: Maybe<FinboxPredictors>;
  id: Scalars['ID']['output'];
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerExtractedSmsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SmsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  threshold?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer, extended here with alternative-data signals from vendors. */
export type CustomerFinboxPredictorsArgs = {
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Credeau DeviceInsights: ~3000 device and SMS features for one customer. */
export type DeviceInsights = {
  __typename?: 'DeviceInsights';
  /** One feature by name; null when absent. */
  feature?: Maybe<Scalars['JSON']['output']>;
  /** How many features the vendor returned. */
  featureCount: Scalars['Int']['output'];
  /** The named features that exist, in the order asked; every feature when names is omitted. */
  features: Array<Feature>;
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The vendor's id for this request, for support tickets. */
  requestId?: Maybe<Scalars['String']['output']>;
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
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
  pageInfo: ExtractedSmsPageInfo;
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
  /** One predictor's value by name; null when absent. */
  predictor?: Maybe<Scalars['JSON']['output']>;
  /** The named predictors that exist, in the order asked; every predictor, in FinBox's order, when names is omitted. */
  predictors: Array<Predictor>;
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** FinBox's id for this request, for support tickets. */
  requestId?: Maybe<Scalars['String']['output']>;
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** COMPLETE, NO_DATA, NOT_FOUND, or IN_PROGRESS when FinBox was still computing at the poll deadline. */
  status: InsightStatus;
  /** The predictor feature-set version asked for (DC_PREDICTORS_VERSION). */
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
};


export type QueryCustomerSignalsArgs = {
  id: Scalars['ID']['input'];
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

export type CustomerDeviceInsightsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  features?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CustomerDeviceInsightsQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, deviceInsights?: { __typename?: 'DeviceInsights', status: InsightStatus, requestId?: string | null, requestedAt?: string | null, processedAt?: string | null, featureCount: number, allSmsCount?: unknown | null, features: Array<{ __typename?: 'Feature', name: string, value?: unknown | null }> } | null } };


export const CustomerDeviceInsightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDeviceInsights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"features"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"all_sms_count_nlp","block":false},{"kind":"StringValue","value":"txn_sms_count_nlp","block":false},{"kind":"StringValue","value":"credit_sms_count_nlp","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"featureCount"}},{"kind":"Field","alias":{"kind":"Name","value":"allSmsCount"},"name":{"kind":"Name","value":"feature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"all_sms_count_nlp","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"features"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"features"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerDeviceInsightsQuery, CustomerDeviceInsightsQueryVariables>;