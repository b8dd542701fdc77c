import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars';

@ObjectType({ description: 'The device iovation recognised for the transaction.' })
export class CredolabFraudDevice {
  @Field(() => String, { nullable: true, description: "iovation's device alias (a large number, kept as text)." })
  alias!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  firstSeen!: Date | null;

  @Field(() => Boolean, { nullable: true })
  isNew!: boolean | null;

  @Field(() => String, { nullable: true })
  os!: string | null;

  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => Int, { nullable: true, description: 'Age of the device blackbox, as iovation reports it.' })
  blackboxAge!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  blackboxTimestamp!: Date | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Mobile details (brand, app, location, system, build) as sent.' })
  mobile!: unknown;
}
