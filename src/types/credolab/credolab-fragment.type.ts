import { Field, ObjectType } from 'type-graphql';
import { JSONScalar } from '../scalars';

@ObjectType({ description: 'One Credolab fragment: an insight other than the score.' })
export class CredolabFragment {
  @Field(() => String, { description: 'Fragment code, e.g. velocity, device_info, permission.' })
  code!: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'As Credolab sent it: string, array or object (iOS and Android may differ in shape).',
  })
  value!: unknown;
}
