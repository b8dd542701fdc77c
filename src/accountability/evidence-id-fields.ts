import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { EvidenceUnavailableError } from '../errors';
import type { Provenance } from '../datasources/vendor-loader';

/** The field every vendor result type carries (DeviceInsights, ExtractedSmsConnection, ...). */
export const EVIDENCE_ID_FIELD = 'evidenceId';

/**
 * The names of the types whose values are vendor answers: every object type with an `evidenceId` field.
 * Read from the schema itself, so a new vendor result type is covered by declaring the field.
 */
export function evidencedTypeNames(schema: GraphQLSchema): ReadonlySet<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && EVIDENCE_ID_FIELD in type.getFields()) names.add(type.name);
  }
  return names;
}

/**
 * Resolves every `evidenceId` from the loader's provenance: the id, null with no error when evidence is
 * disabled, or null with EVIDENCE_UNAVAILABLE when the ledger could not record the answer (the vendor
 * data beside it is served either way: the field is nullable for exactly this).
 */
export function resolveEvidenceIds(schema: GraphQLSchema): GraphQLSchema {
  for (const name of evidencedTypeNames(schema)) {
    const field = (schema.getType(name) as GraphQLObjectType).getFields()[EVIDENCE_ID_FIELD];
    if (!field || getNamedType(field.type).name !== 'ID') throw new Error(`${name}.${EVIDENCE_ID_FIELD} must be an ID`);
    field.resolve = (source: Partial<Provenance>) => {
      if (source.evidenceId !== undefined) return source.evidenceId;
      switch (source.evidenceGap) {
        case 'unavailable':
          throw new EvidenceUnavailableError('the evidence ledger could not record this answer; it was served but not stored', true);
        case 'erased':
          throw new EvidenceUnavailableError("the customer's signals were erased while this answer was in flight: no evidence is kept", false);
        default:
          return null;
      }
    };
  }
  return schema;
}
