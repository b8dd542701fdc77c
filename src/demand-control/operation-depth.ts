import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { fragmentsOf } from './fragments';

/**
 * The deepest nesting of any operation in `document`, counting every field, fragment spread and inline
 * fragment as one level, or `limit + 1` as soon as it is known to exceed `limit`. Runs on the parsed
 * document before validation, so a chain of 1,000 fragments or a cycle is refused before graphql-js
 * validates it. Linear: each fragment's depth is memoised, and a depth found under a smaller budget is
 * recomputed at most once per larger budget (budgets never exceed `limit`); the recursion never goes
 * deeper than `limit + 1` levels.
 */
export function operationDepth(document: DocumentNode, limit: number): number {
  const fragments = fragmentsOf(document);
  // Per fragment: the depth found and the budget it was found under (exact when depth <= budget).
  const memo = new Map<string, { depth: number; budget: number }>();
  const visiting = new Set<string>();

  /** Depth of a selection set, capped at budget + 1. */
  const depthOf = (set: SelectionSetNode, budget: number): number => {
    if (budget <= 0) return 1;
    let deepest = 0;
    for (const selection of set.selections) {
      let depth = 1;
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) depth = 1 + depthOf(selection.selectionSet, budget - 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = 1 + depthOf(selection.selectionSet, budget - 1);
      } else {
        depth = 1 + fragmentDepth(selection.name.value, budget - 1);
      }
      deepest = Math.max(deepest, depth);
      if (deepest > budget) return budget + 1;
    }
    return deepest;
  };

  const fragmentDepth = (name: string, budget: number): number => {
    const fragment = fragments.get(name);
    if (!fragment) return 0; // validation reports the unknown fragment
    const known = memo.get(name);
    if (known && (known.depth <= known.budget || budget <= known.budget)) return Math.min(known.depth, budget + 1);
    // A cycle is invalid GraphQL; it is infinitely deep, so it is refused here rather than walked.
    if (visiting.has(name)) return budget + 1;
    visiting.add(name);
    const depth = depthOf(fragment.selectionSet, budget);
    visiting.delete(name);
    memo.set(name, { depth, budget });
    return depth;
  };

  let deepest = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    deepest = Math.max(deepest, depthOf(definition.selectionSet, limit));
    if (deepest > limit) return limit + 1;
  }
  return deepest;
}
