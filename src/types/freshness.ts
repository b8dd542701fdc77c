/** The `maxAge` argument every vendor field takes. */
export const MAX_AGE_DESCRIPTION =
  'Accept a stored answer at most this many seconds old; 0 asks the vendor now. Default: the vendor\'s freshness window.';

export const RETRIEVED_AT_DESCRIPTION = 'When this subgraph received this answer from the vendor.';

export const FROM_CACHE_DESCRIPTION = 'True when served from the signal store rather than fetched from the vendor for this request.';

/** The `maxStale` argument every vendor field takes. */
export const MAX_STALE_DESCRIPTION =
  'When the vendor fails with an error, a timeout, an open circuit or a back-off, serve a settled stored answer at most ' +
  'this many seconds past its freshness window instead, marked `stale: true`, with no error. Default: never, the failure is the answer.';

export const STALE_DESCRIPTION =
  'True when the vendor failed and this stored answer, past its freshness, was served instead: the field asked with `maxStale`.';

export const EVIDENCE_ID_DESCRIPTION =
  'The evidence ledger\'s id of the exact vendor answer these values came from (the same for every response served ' +
  'from one stored answer); read it back with `signalEvidence` (scope signals:audit). Null with EVIDENCE_UNAVAILABLE when ' +
  'the ledger could not record it, null with no error when evidence is disabled.';
