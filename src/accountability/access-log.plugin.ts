import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context';
import type { Provenance } from '../datasources/vendor-loader';
import { callerOf } from './audit-access';
import { evidencedTypeNames } from './evidence-id-fields';

/**
 * The access log's writer: every vendor field that resolves to a value appends who asked (the verified
 * JWT subject, or `anonymous`), the client, the operation, whose signals (the parent Customer's id; the
 * ledger keeps only its keyed hash), the field and the evidence id of the answer read. Which fields count
 * is read from the schema: those returning a type with an `evidenceId` (every vendor result type).
 * Appends are queued and written in batches by the ledger: the hot path only pushes to an array.
 */
export function accessLogPlugin(schema: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  const evidenced = evidencedTypeNames(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          // The name of the operation that runs (the document's, when the request named none).
          contextValue.client.operationName = operationName?.slice(0, 128) ?? undefined;
        },
        async executionDidStart({ contextValue }) {
          const audit = contextValue.accountability.audit;
          if (!audit) return;
          const caller = callerOf(contextValue);
          return {
            willResolveField({ info, source }) {
              if (!evidenced.has(getNamedType(info.returnType).name)) return;
              return (error, result) => {
                if (error || result === null || typeof result !== 'object') return;
                const answer = result as Partial<Provenance>;
                // The Customer the field hangs on; nested vendor fields (the fraud check) name theirs in their provenance.
                const parentId = info.parentType.name === 'Customer' ? (source as { id?: unknown }).id : undefined;
                const customerId = typeof parentId === 'string' ? parentId : answer.customerId;
                if (customerId === undefined) return;
                audit.recordAccess({
                  ...caller,
                  at: new Date(),
                  customerId,
                  field: `${info.parentType.name}.${info.fieldName}`,
                  evidenceId: answer.evidenceId,
                });
              };
            },
          };
        },
      };
    },
  };
}
