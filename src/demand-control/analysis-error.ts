/**
 * Something the demand-control analysis could not cost (an unknown field, a fragment cycle, a missing
 * slicing argument the schema requires). The plugin turns it into a coded refusal: it fails closed.
 */
export class AnalysisError extends Error {
  override readonly name = 'AnalysisError';
}
