import { Arg, ID, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { Customer } from '../types/customer.type';

@Resolver(() => Customer)
export class CustomerResolver {
  /**
   * Look at one customer's signals without a gateway (GraphiQL, support tools). Named so it composes
   * beside the customers subgraph's own `Query.customer`.
   */
  @Query(() => Customer, { description: "One customer's signals by id, for use without the router." })
  customerSignals(@Arg('id', () => ID) id: string): Customer {
    if (id.trim() === '') throw new BadUserInputError('customer id must not be empty');
    return { id };
  }
}
