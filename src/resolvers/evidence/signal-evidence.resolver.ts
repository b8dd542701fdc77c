import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { BadUserInputError } from '../../errors';
import { auditTrailOf, callerOf, ledgerCall } from '../../accountability/audit-access';
import { EvidenceStatus } from '../../types/evidence/evidence-status.type';
import { SignalEvidence } from '../../types/evidence/signal-evidence.type';

/** An evidence id is short and opaque; anything longer is not one of ours. */
const MAX_ID_LENGTH = 64;

@Resolver()
export class SignalEvidenceResolver {
  @Directive('@authenticated')
  @Directive('@requiresScopes(scopes: [["signals:audit"]])')
  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [SignalEvidence], {
    nullable: 'items',
    description:
      'The vendor answers behind past responses, by `evidenceId`, in the order asked (null for an unknown id). ' +
      'Needs the scope signals:audit; each body read is itself recorded in the access log.',
  })
  async signalEvidence(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: RequestContext): Promise<(SignalEvidence | null)[]> {
    const { readMaxIds } = context.accountability;
    if (ids.length === 0 || ids.length > readMaxIds) {
      throw new BadUserInputError(`signalEvidence: \`ids\` must name 1 to ${readMaxIds} evidence ids`);
    }
    if (ids.some((id) => id.length === 0 || id.length > MAX_ID_LENGTH)) {
      throw new BadUserInputError('signalEvidence: an evidence id is 1 to 64 characters');
    }
    const audit = auditTrailOf(context);
    const views = await ledgerCall(() => audit.read(ids));
    const caller = callerOf(context);
    for (const view of views) {
      // Reading a body is reading the customer's data: it is logged like any other read.
      if (view?.customerId) audit.recordAccess({ ...caller, at: new Date(), customerId: view.customerId, field: 'Query.signalEvidence', evidenceId: view.id });
    }
    return views.map((view) => view && { ...view, status: EvidenceStatus[view.status] });
  }
}
