import { Field, ObjectType } from 'type-graphql';
import { JSONScalar } from '../scalars';

@ObjectType({ description: 'One FinBox DeviceConnect predictor.' })
export class Predictor {
  @Field(() => String)
  name!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Any JSON value, as FinBox sent it.' })
  value!: unknown;
}
