import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

@ObjectType({ description: "One read of a customer's signals (or an erasure), from the access log." })
export class SignalAccess {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => String, { description: 'The verified JWT subject that asked, or `anonymous` without JWT verification.' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'The `apollographql-client-name` header.' })
  clientName!: string | null;

  @Field(() => String, { nullable: true, description: 'The `apollographql-client-version` header.' })
  clientVersion!: string | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, { description: 'What was read, e.g. `Customer.extractedSms`, or `Mutation.eraseCustomerSignals`.' })
  field!: string;

  @Field(() => ID, { nullable: true, description: 'The evidence of the answer read; null when there was none.' })
  evidenceId!: string | null;
}
