/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CustomerBehaviorSignals($id: ID!, $siteId: String) {\n  customerSignals(id: $id) {\n    id\n    behaviorSignals(siteId: $siteId) {\n      status\n      profileId\n      siteId\n      funnel\n      signals {\n        model\n        label\n        score\n      }\n      intent: signal(model: \"combined_digital_intent\") {\n        label\n        score\n      }\n    }\n  }\n}": typeof types.CustomerBehaviorSignalsDocument,
    "query CustomerCredolabScore($id: ID!, $referenceNumber: String, $rulesetId: String! = \"default\") {\n  customerSignals(id: $id) {\n    id\n    credolabScore(referenceNumber: $referenceNumber) {\n      status\n      referenceNumber\n      platform\n      uploadedAt\n      score\n      probability\n      scores {\n        code\n        value\n        probability\n      }\n      velocity: fragment(code: \"velocity\")\n      fragments {\n        code\n      }\n      fraudCheck(accountCode: \"example-account\", rulesetId: $rulesetId) {\n        status\n        result\n        reason\n        score\n        rules {\n          type\n          reason\n          score\n        }\n      }\n    }\n  }\n}": typeof types.CustomerCredolabScoreDocument,
    "query CustomerDeviceInsights($id: ID!, $features: [String!] = [\"all_sms_count_nlp\", \"txn_sms_count_nlp\", \"credit_sms_count_nlp\"]) {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      requestedAt\n      processedAt\n      featureCount\n      allSmsCount: feature(name: \"all_sms_count_nlp\")\n      features(names: $features) {\n        name\n        value\n      }\n    }\n  }\n}": typeof types.CustomerDeviceInsightsDocument,
    "query CustomerExtractedSmsNextPage($id: ID! = \"sim-sms-120\", $first: Int = 50, $after: String = \"c21zMTo0OTozMTY2ZGJiYzAwMDAwMDAwMDAwMDAwMzE\") {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasPreviousPage\n        hasNextPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          sender\n          smsType\n        }\n      }\n    }\n  }\n}": typeof types.CustomerExtractedSmsNextPageDocument,
    "query CustomerExtractedSms($id: ID!, $first: Int = 10, $filter: SmsFilter = {transactionalOnly: true}) {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          receivedAt\n          sender\n          senderName\n          smsType\n          transactionType\n          amount\n          body\n        }\n      }\n    }\n  }\n}": typeof types.CustomerExtractedSmsDocument,
    "query CustomerFinboxPredictors($id: ID!, $names: [String!] = [\"dc_risk_score\", \"dc_income_estimate\", \"dc_has_salary\"]) {\n  customerSignals(id: $id) {\n    id\n    finboxPredictors {\n      status\n      requestId\n      requestedAt\n      processedAt\n      version\n      riskScore: predictor(name: \"dc_risk_score\")\n      predictors(names: $names) {\n        name\n        value\n      }\n    }\n  }\n}": typeof types.CustomerFinboxPredictorsDocument,
    "query DeviceInsightsInProgress($id: ID! = \"sim-never-ready\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      featureCount\n    }\n  }\n}": typeof types.DeviceInsightsInProgressDocument,
    "query DeviceInsightsNotFound($id: ID! = \"sim-not-found\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n  }\n}": typeof types.DeviceInsightsNotFoundDocument,
    "query DeviceInsightsVendorDown($id: ID! = \"sim-unavailable\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n    finboxPredictors {\n      status\n      version\n    }\n  }\n}": typeof types.DeviceInsightsVendorDownDocument,
};
const documents: Documents = {
    "query CustomerBehaviorSignals($id: ID!, $siteId: String) {\n  customerSignals(id: $id) {\n    id\n    behaviorSignals(siteId: $siteId) {\n      status\n      profileId\n      siteId\n      funnel\n      signals {\n        model\n        label\n        score\n      }\n      intent: signal(model: \"combined_digital_intent\") {\n        label\n        score\n      }\n    }\n  }\n}": types.CustomerBehaviorSignalsDocument,
    "query CustomerCredolabScore($id: ID!, $referenceNumber: String, $rulesetId: String! = \"default\") {\n  customerSignals(id: $id) {\n    id\n    credolabScore(referenceNumber: $referenceNumber) {\n      status\n      referenceNumber\n      platform\n      uploadedAt\n      score\n      probability\n      scores {\n        code\n        value\n        probability\n      }\n      velocity: fragment(code: \"velocity\")\n      fragments {\n        code\n      }\n      fraudCheck(accountCode: \"example-account\", rulesetId: $rulesetId) {\n        status\n        result\n        reason\n        score\n        rules {\n          type\n          reason\n          score\n        }\n      }\n    }\n  }\n}": types.CustomerCredolabScoreDocument,
    "query CustomerDeviceInsights($id: ID!, $features: [String!] = [\"all_sms_count_nlp\", \"txn_sms_count_nlp\", \"credit_sms_count_nlp\"]) {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      requestedAt\n      processedAt\n      featureCount\n      allSmsCount: feature(name: \"all_sms_count_nlp\")\n      features(names: $features) {\n        name\n        value\n      }\n    }\n  }\n}": types.CustomerDeviceInsightsDocument,
    "query CustomerExtractedSmsNextPage($id: ID! = \"sim-sms-120\", $first: Int = 50, $after: String = \"c21zMTo0OTozMTY2ZGJiYzAwMDAwMDAwMDAwMDAwMzE\") {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasPreviousPage\n        hasNextPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          sender\n          smsType\n        }\n      }\n    }\n  }\n}": types.CustomerExtractedSmsNextPageDocument,
    "query CustomerExtractedSms($id: ID!, $first: Int = 10, $filter: SmsFilter = {transactionalOnly: true}) {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          receivedAt\n          sender\n          senderName\n          smsType\n          transactionType\n          amount\n          body\n        }\n      }\n    }\n  }\n}": types.CustomerExtractedSmsDocument,
    "query CustomerFinboxPredictors($id: ID!, $names: [String!] = [\"dc_risk_score\", \"dc_income_estimate\", \"dc_has_salary\"]) {\n  customerSignals(id: $id) {\n    id\n    finboxPredictors {\n      status\n      requestId\n      requestedAt\n      processedAt\n      version\n      riskScore: predictor(name: \"dc_risk_score\")\n      predictors(names: $names) {\n        name\n        value\n      }\n    }\n  }\n}": types.CustomerFinboxPredictorsDocument,
    "query DeviceInsightsInProgress($id: ID! = \"sim-never-ready\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      featureCount\n    }\n  }\n}": types.DeviceInsightsInProgressDocument,
    "query DeviceInsightsNotFound($id: ID! = \"sim-not-found\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n  }\n}": types.DeviceInsightsNotFoundDocument,
    "query DeviceInsightsVendorDown($id: ID! = \"sim-unavailable\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n    finboxPredictors {\n      status\n      version\n    }\n  }\n}": types.DeviceInsightsVendorDownDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerBehaviorSignals($id: ID!, $siteId: String) {\n  customerSignals(id: $id) {\n    id\n    behaviorSignals(siteId: $siteId) {\n      status\n      profileId\n      siteId\n      funnel\n      signals {\n        model\n        label\n        score\n      }\n      intent: signal(model: \"combined_digital_intent\") {\n        label\n        score\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerBehaviorSignals($id: ID!, $siteId: String) {\n  customerSignals(id: $id) {\n    id\n    behaviorSignals(siteId: $siteId) {\n      status\n      profileId\n      siteId\n      funnel\n      signals {\n        model\n        label\n        score\n      }\n      intent: signal(model: \"combined_digital_intent\") {\n        label\n        score\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerCredolabScore($id: ID!, $referenceNumber: String, $rulesetId: String! = \"default\") {\n  customerSignals(id: $id) {\n    id\n    credolabScore(referenceNumber: $referenceNumber) {\n      status\n      referenceNumber\n      platform\n      uploadedAt\n      score\n      probability\n      scores {\n        code\n        value\n        probability\n      }\n      velocity: fragment(code: \"velocity\")\n      fragments {\n        code\n      }\n      fraudCheck(accountCode: \"example-account\", rulesetId: $rulesetId) {\n        status\n        result\n        reason\n        score\n        rules {\n          type\n          reason\n          score\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerCredolabScore($id: ID!, $referenceNumber: String, $rulesetId: String! = \"default\") {\n  customerSignals(id: $id) {\n    id\n    credolabScore(referenceNumber: $referenceNumber) {\n      status\n      referenceNumber\n      platform\n      uploadedAt\n      score\n      probability\n      scores {\n        code\n        value\n        probability\n      }\n      velocity: fragment(code: \"velocity\")\n      fragments {\n        code\n      }\n      fraudCheck(accountCode: \"example-account\", rulesetId: $rulesetId) {\n        status\n        result\n        reason\n        score\n        rules {\n          type\n          reason\n          score\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerDeviceInsights($id: ID!, $features: [String!] = [\"all_sms_count_nlp\", \"txn_sms_count_nlp\", \"credit_sms_count_nlp\"]) {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      requestedAt\n      processedAt\n      featureCount\n      allSmsCount: feature(name: \"all_sms_count_nlp\")\n      features(names: $features) {\n        name\n        value\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerDeviceInsights($id: ID!, $features: [String!] = [\"all_sms_count_nlp\", \"txn_sms_count_nlp\", \"credit_sms_count_nlp\"]) {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      requestedAt\n      processedAt\n      featureCount\n      allSmsCount: feature(name: \"all_sms_count_nlp\")\n      features(names: $features) {\n        name\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerExtractedSmsNextPage($id: ID! = \"sim-sms-120\", $first: Int = 50, $after: String = \"c21zMTo0OTozMTY2ZGJiYzAwMDAwMDAwMDAwMDAwMzE\") {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasPreviousPage\n        hasNextPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          sender\n          smsType\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerExtractedSmsNextPage($id: ID! = \"sim-sms-120\", $first: Int = 50, $after: String = \"c21zMTo0OTozMTY2ZGJiYzAwMDAwMDAwMDAwMDAwMzE\") {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasPreviousPage\n        hasNextPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          sender\n          smsType\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerExtractedSms($id: ID!, $first: Int = 10, $filter: SmsFilter = {transactionalOnly: true}) {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          receivedAt\n          sender\n          senderName\n          smsType\n          transactionType\n          amount\n          body\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerExtractedSms($id: ID!, $first: Int = 10, $filter: SmsFilter = {transactionalOnly: true}) {\n  customerSignals(id: $id) {\n    id\n    extractedSms(first: $first, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          receivedAt\n          sender\n          senderName\n          smsType\n          transactionType\n          amount\n          body\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerFinboxPredictors($id: ID!, $names: [String!] = [\"dc_risk_score\", \"dc_income_estimate\", \"dc_has_salary\"]) {\n  customerSignals(id: $id) {\n    id\n    finboxPredictors {\n      status\n      requestId\n      requestedAt\n      processedAt\n      version\n      riskScore: predictor(name: \"dc_risk_score\")\n      predictors(names: $names) {\n        name\n        value\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerFinboxPredictors($id: ID!, $names: [String!] = [\"dc_risk_score\", \"dc_income_estimate\", \"dc_has_salary\"]) {\n  customerSignals(id: $id) {\n    id\n    finboxPredictors {\n      status\n      requestId\n      requestedAt\n      processedAt\n      version\n      riskScore: predictor(name: \"dc_risk_score\")\n      predictors(names: $names) {\n        name\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeviceInsightsInProgress($id: ID! = \"sim-never-ready\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      featureCount\n    }\n  }\n}"): (typeof documents)["query DeviceInsightsInProgress($id: ID! = \"sim-never-ready\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      requestId\n      featureCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeviceInsightsNotFound($id: ID! = \"sim-not-found\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n  }\n}"): (typeof documents)["query DeviceInsightsNotFound($id: ID! = \"sim-not-found\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeviceInsightsVendorDown($id: ID! = \"sim-unavailable\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n    finboxPredictors {\n      status\n      version\n    }\n  }\n}"): (typeof documents)["query DeviceInsightsVendorDown($id: ID! = \"sim-unavailable\") {\n  customerSignals(id: $id) {\n    id\n    deviceInsights {\n      status\n      featureCount\n    }\n    finboxPredictors {\n      status\n      version\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;