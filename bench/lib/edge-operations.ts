/**
 * The hostile request bodies of the `edge` scenario (issue 19), each built small on the client side and
 * large only where the attack makes it large: the analysis, the answer, or the connection count.
 */

/** The same customer everywhere: one vendor call would serve every alias and representation. */
const BOMB_CUSTOMER = 'bench-edge-bomb';

/**
 * Fragments that each spread the previous one twice, on both sides of a vendor field: `a<n>` on
 * Customer, whose innermost selects `deviceInsights { ...b<levels> }`, and `b<n>` on DeviceInsights.
 * Expanded it is 2^levels x 2^levels selections; as text it is a few lines per level.
 */
export function nestedFragmentsBody(levels: number): string {
  const chain = (prefix: string, type: string, base: string) =>
    Array.from({ length: levels + 1 }, (_, n) =>
      n === 0 ? `fragment ${prefix}0 on ${type}{${base}}` : `fragment ${prefix}${n} on ${type}{...${prefix}${n - 1} ...${prefix}${n - 1}}`,
    ).join(' ');
  const query =
    `query BenchEdgeFragments{customerSignals(id:"bench-edge-fragments"){...a${levels}}} ` +
    `${chain('a', 'Customer', `id deviceInsights{...b${levels}}`)} ${chain('b', 'DeviceInsights', 'status')}`;
  return JSON.stringify({ query });
}

/** `aliases` aliases of FinBox's full `predictors` list, one selection set of FinboxPredictors. */
function predictorAliases(aliases: number): string {
  return Array.from({ length: aliases }, (_, i) => `p${i}:predictors{name value}`).join(' ');
}

/**
 * The response bomb through `_entities` (what a gateway sends for a page of customers): `representations`
 * representations of one customer, each selecting `aliases` aliases of every FinBox predictor.
 */
export function entitiesBombBody(representations: number, aliases: number): string {
  return JSON.stringify({
    query: `query BenchEdgeEntitiesBomb($r:[_Any!]!){_entities(representations:$r){...on Customer{finboxPredictors{${predictorAliases(aliases)}}}}}`,
    variables: { r: Array.from({ length: representations }, () => ({ __typename: 'Customer', id: BOMB_CUSTOMER })) },
  });
}

/** The same bomb through `customerSignals` aliases of one customer instead of representations. */
export function rootAliasesBombBody(roots: number, aliases: number): string {
  const selections = Array.from({ length: roots }, (_, i) => `c${i}:customerSignals(id:"${BOMB_CUSTOMER}"){...P}`).join(' ');
  return JSON.stringify({
    query: `query BenchEdgeRootBomb{${selections}} fragment P on Customer{finboxPredictors{${predictorAliases(aliases)}}}`,
  });
}

/** The cheap operation run beside each hostile one: our own root field, no vendor call. */
export const CHEAP_BODY = JSON.stringify({ query: 'query BenchEdgeCheap{customerSignals(id:"bench-edge-cheap"){id}}' });
