import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An IP address iovation saw, with its network and location.' })
export class CredolabIpDetails {
  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  isp!: string | null;

  @Field(() => String, { nullable: true })
  parentOrganization!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  countryCode!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}
