import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { BadUserInputError } from '../../errors';
import { callerOf, ledgerCall } from '../../accountability/audit-access';
import { RouterInvalidationResult, SignalErasure } from '../../types/evidence/signal-erasure.type';

@Resolver()
export class EraseCustomerSignalsResolver {
  @Directive('@authenticated')
  @Directive('@requiresScopes(scopes: [["signals:erase"]])')
  @Mutation(() => SignalErasure, {
    description:
      "Erases one customer's signals everywhere: destroys the data key of their evidence (bodies unreadable for good), " +
      'deletes their stored answers in Redis and in every replica\'s memory, keeps a vendor call in flight from being stored, ' +
      "and invalidates the customer's cache tag at the router. Needs the scope signals:erase.",
  })
  async eraseCustomerSignals(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<SignalErasure> {
    if (id.trim() === '') throw new BadUserInputError('eraseCustomerSignals: `id` must not be empty');
    const receipt = await ledgerCall(() => context.accountability.erasure.erase(id, callerOf(context)));
    return { ...receipt, routerInvalidation: RouterInvalidationResult[receipt.routerInvalidation] };
  }
}
