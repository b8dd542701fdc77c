import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The federated Customer entity. Another subgraph owns it; this one adds vendor signal fields, each
 * resolved by its own resolver class so a vendor is called only when its field is selected.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer, extended here with alternative-data signals from vendors.' })
export class Customer {
  @Field(() => ID)
  id!: string;
}
