import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { BadUserInputError } from '../../errors';
import { auditTrailOf, ledgerCall } from '../../accountability/audit-access';
import { DateTimeScalar } from '../../types/scalars';
import { SignalAccess } from '../../types/evidence/signal-access.type';

@Resolver()
export class SignalAccessLogResolver {
  @Directive('@authenticated')
  @Directive('@requiresScopes(scopes: [["signals:audit"]])')
  @Directive('@listSize(assumedSize: 1000)')
  @Query(() => [SignalAccess], {
    description: "Who read this customer's signals (and erased them), newest first, at most 1000 entries. Needs the scope signals:audit.",
  })
  async signalAccessLog(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('since', () => DateTimeScalar, { nullable: true, description: 'Only entries at or after this instant.' }) since: Date | null | undefined,
    @Ctx() context: RequestContext,
  ): Promise<SignalAccess[]> {
    if (customerId.trim() === '') throw new BadUserInputError('signalAccessLog: `customerId` must not be empty');
    const audit = auditTrailOf(context);
    return ledgerCall(() => audit.readAccessLog(customerId, since ?? undefined));
  }
}
