import { Field, InputType } from 'type-graphql';

/** Identity data sent with a fraud check. Personal data: never logged, never echoed in an error. */
@InputType({ description: 'Transaction attributes for an iovation fraud check (personal data: never logged).' })
export class TransactionInsightInput {
  @Field(() => String, { nullable: true, description: "The customer's e-mail address." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Our id for the transaction.' })
  eventId?: string | null;

  @Field(() => String, { nullable: true, description: "The customer's mobile number, e.g. +15032246010." })
  mobilePhoneNumber?: string | null;
}
