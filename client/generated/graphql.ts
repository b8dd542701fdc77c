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
  id: Scalars['ID']['output'];
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

/** One named vendor value. */
export type Feature = {
  __typename?: 'Feature';
  name: Scalars['String']['output'];
  /** Any JSON value, as the vendor sent it. */
  value?: Maybe<Scalars['JSON']['output']>;
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

export type Query = {
  __typename?: 'Query';
  /** One customer's signals by id, for use without the router. */
  customerSignals: Customer;
};


export type QueryCustomerSignalsArgs = {
  id: Scalars['ID']['input'];
};

export type CustomerDeviceInsightsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  features?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CustomerDeviceInsightsQuery = { __typename?: 'Query', customerSignals: { __typename?: 'Customer', id: string, deviceInsights?: { __typename?: 'DeviceInsights', status: InsightStatus, requestId?: string | null, requestedAt?: string | null, processedAt?: string | null, featureCount: number, allSmsCount?: unknown | null, features: Array<{ __typename?: 'Feature', name: string, value?: unknown | null }> } | null } };


export const CustomerDeviceInsightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDeviceInsights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"features"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"all_sms_count_nlp","block":false},{"kind":"StringValue","value":"txn_sms_count_nlp","block":false},{"kind":"StringValue","value":"credit_sms_count_nlp","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerSignals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"featureCount"}},{"kind":"Field","alias":{"kind":"Name","value":"allSmsCount"},"name":{"kind":"Name","value":"feature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"all_sms_count_nlp","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"features"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"features"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerDeviceInsightsQuery, CustomerDeviceInsightsQueryVariables>;