import type { Simulators } from '../../src/simulators';

/** The five vendor fields with their freshness, for one customer. */
export const ALL_FIVE = `query($id: ID!) { customerSignals(id: $id) {
  deviceInsights { status featureCount feature(name: "all_sms_count_nlp") retrievedAt fromCache }
  extractedSms(first: 3) { totalCount edges { node { id } } retrievedAt fromCache }
  finboxPredictors { status retrievedAt fromCache }
  credolabScore { status score retrievedAt fromCache }
  behaviorSignals { status retrievedAt fromCache }
} }`;

export type FieldName = 'deviceInsights' | 'extractedSms' | 'finboxPredictors' | 'credolabScore' | 'behaviorSignals';

/**
 * Vendor calls the simulators received about one customer, per GraphQL field. Logins and token refreshes
 * name no customer, so they are not counted.
 */
export function callsFor(simulators: Simulators, id: string): Record<FieldName, number> {
  const about = (call: { path: string; body: unknown }) => call.path.includes(id) || JSON.stringify(call.body ?? null).includes(`"${id}"`);
  const credeau = simulators.credeau.calls.filter(about);
  return {
    deviceInsights: credeau.filter((call) => call.path.includes('insights')).length,
    extractedSms: credeau.filter((call) => call.path.includes('fetch_extracted_data')).length,
    finboxPredictors: simulators.finbox.calls.filter(about).length,
    credolabScore: simulators.credolab.calls.filter((call) => about(call) && call.path.endsWith('/datasetinsight')).length,
    behaviorSignals: simulators.neuroid.calls.filter(about).length,
  };
}

export const ONE_EACH: Record<FieldName, number> = { deviceInsights: 1, extractedSms: 1, finboxPredictors: 1, credolabScore: 1, behaviorSignals: 1 };

export function times(n: number): Record<FieldName, number> {
  return { deviceInsights: n, extractedSms: n, finboxPredictors: n, credolabScore: n, behaviorSignals: n };
}

export const FIELDS: readonly FieldName[] = ['deviceInsights', 'extractedSms', 'finboxPredictors', 'credolabScore', 'behaviorSignals'];
