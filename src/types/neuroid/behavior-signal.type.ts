import { Field, Float, ObjectType } from 'type-graphql';
import { JSONScalar } from '../scalars';

@ObjectType({ description: 'The result of one NeuroID model for a profile.' })
export class BehaviorSignal {
  @Field(() => String, { description: 'The model, e.g. familiarity, combined_digital_intent.' })
  model!: string;

  @Field(() => String, { nullable: true, description: 'e.g. genuine, risky, high, false, "insufficient data".' })
  label!: string | null;

  @Field(() => Float, { nullable: true, description: 'Null when NeuroID had too little data for this model.' })
  score!: number | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Signal-level ID Attributes, when purchased.' })
  attributes!: unknown;
}
