import { Field, ObjectType } from 'type-graphql';
import { JSONScalar } from './scalars';

@ObjectType({ description: 'One named vendor value.' })
export class Feature {
  @Field(() => String)
  name!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Any JSON value, as the vendor sent it.' })
  value!: unknown;
}
