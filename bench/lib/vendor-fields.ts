import type { Simulators } from '../../src/simulators';
import type { RecordedCall } from '../../src/simulators/simulator-server';

/** One vendor field of `Customer` as the bench selects it. */
export interface VendorField {
  /** The field's name in schema.graphql. */
  name: string;
  /** What the bench selects under `Customer`. */
  selection: string;
  /** The simulator serving it... */
  simulator: keyof Simulators;
  /** ...and the path of the call that fetches one customer's data (burst counts these). */
  callPath: RegExp;
}

/**
 * Every vendor field of `Customer` in schema.graphql: fanout and burst select all of them. Adding a
 * field to the bench is one line here (and, for a new vendor, one entry in vendor-env.ts).
 */
export const VENDOR_FIELDS: readonly VendorField[] = [
  { name: 'deviceInsights', selection: 'deviceInsights { featureCount feature(name: "all_sms_count_nlp") }', simulator: 'credeau', callPath: /^\/api\/insights$/ },
  { name: 'extractedSms', selection: 'extractedSms(first: 10) { totalCount edges { node { smsId sender receivedAt smsType amount } } }', simulator: 'credeau', callPath: /^\/api\/fetch_extracted_data$/ },
  { name: 'finboxPredictors', selection: 'finboxPredictors { status predictor(name: "dc_risk_score") }', simulator: 'finbox', callPath: /^\/risk\/predictors$/ },
  { name: 'credolabScore', selection: 'credolabScore { status score probability }', simulator: 'credolab', callPath: /^\/v6\.0\/datasets\/[^/]+\/datasetinsight$/ },
  { name: 'behaviorSignals', selection: 'behaviorSignals { status signals { model score } }', simulator: 'neuroid', callPath: /^\/v4\.1\/sites\/[^/]+\/profiles\/[^/]+$/ },
];

/**
 * cold and warm: the workload, Credeau's ~3000 features (count + one by name) plus one more
 * vendor field, here FinBox (a second vendor host, no cache). Names missing from VENDOR_FIELDS are skipped.
 */
export const COLD_FIELD_NAMES: readonly string[] = ['deviceInsights', 'finboxPredictors'];

export function coldFields(): VendorField[] {
  return COLD_FIELD_NAMES.map((name) => VENDOR_FIELDS.find((field) => field.name === name)).filter(
    (field): field is VendorField => field !== undefined,
  );
}

/** The calls a field made since the simulators were last reset. */
export function callsFor(field: VendorField, simulators: Simulators): RecordedCall[] {
  return simulators[field.simulator].calls.filter((call) => field.callPath.test(call.path));
}

/**
 * Calls per operation per field, for the details in latest.json. Approximate: operations still in
 * flight when a load stopped made calls too.
 */
export function callsPerOperation(fields: readonly VendorField[], simulators: Simulators, operations: number): Record<string, number> {
  return Object.fromEntries(
    fields.map((field) => [field.name, Math.round((callsFor(field, simulators).length / Math.max(1, operations)) * 100) / 100]),
  );
}
