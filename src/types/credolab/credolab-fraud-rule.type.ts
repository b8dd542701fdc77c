import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One iovation rule that matched the transaction.' })
export class CredolabFraudRule {
  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Float, { nullable: true })
  score!: number | null;
}
