import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/**
 * Narrows `Customer.extractedSms`. Every condition given must hold (AND); omitted or null conditions
 * do not filter. Filters apply before paging, so `totalCount` counts the matching messages.
 */
@InputType({ description: 'Which extracted SMS to return; all given conditions must hold.' })
export class SmsFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only messages Credeau marks transactional. false or null: no condition.',
  })
  transactionalOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only this Credeau message type (exact match), e.g. "account_debit_executed".' })
  smsType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this kind of sender (exact match), e.g. "bank".' })
  senderType?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only messages received strictly after this instant; messages without a date are left out.',
  })
  receivedAfter?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only messages received strictly before this instant; messages without a date are left out.',
  })
  receivedBefore?: Date | null;
}
