import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One Credolab scorecard deployed on our subscription.' })
export class CredolabScorecard {
  @Field(() => String, { description: 'Component code defined by Credolab, e.g. SC01.' })
  code!: string;

  @Field(() => Float, { nullable: true, description: 'The score (an integer in practice, e.g. 595).' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Probability of default, 4 decimal places.' })
  probability!: number | null;
}
