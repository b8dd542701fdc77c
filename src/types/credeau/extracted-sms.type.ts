import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/**
 * One SMS as Credeau extracted it. Every field is nullable because Credeau omits keys it could not
 * extract (an unclassified message carries only a handful); a missing key is null, never an error.
 */
@ObjectType({ description: 'One SMS from the customer\'s phone, with what Credeau extracted from it.' })
export class ExtractedSms {
  @Field(() => ID, { nullable: true, description: "Credeau's id for this extracted record." })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'The message id on the device.' })
  smsId!: string | null;

  @Field(() => String, { nullable: true, description: 'Sender address as the phone shows it, e.g. "sbiupi".' })
  sender!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the phone received the message.' })
  receivedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The message text. Personal data: never logged.' })
  body!: string | null;

  @Field(() => String, { nullable: true, description: 'Who the sender is, e.g. "state bank of india".' })
  senderName!: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of sender, e.g. "bank".' })
  senderType!: string | null;

  @Field(() => String, { nullable: true, description: 'Credeau\'s message type, e.g. "account_debit_executed".' })
  smsType!: string | null;

  @Field(() => String, { nullable: true, description: 'Credeau\'s message sub-type, e.g. "bank".' })
  smsSubType!: string | null;

  @Field(() => String, { nullable: true, description: 'Credeau\'s NLP tag, e.g. "account_debit_executed_transfer_out".' })
  nlpTag!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the message records a money movement.' })
  isTransactional!: boolean | null;

  @Field(() => String, { nullable: true, description: 'e.g. "debit-transaction".' })
  transactionType!: string | null;

  @Field(() => Float, { nullable: true, description: 'The transaction amount, in the account\'s currency.' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'Last digits of the account. Personal data: never logged.' })
  accountLastDigits!: string | null;

  @Field(() => String, { nullable: true, description: 'The other party of the transaction. Personal data: never logged.' })
  counterparty!: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the message template Credeau matched.' })
  templateHash!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether Credeau classified the message.' })
  isClassified!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether Credeau extracted values from the message.' })
  isExtracted!: boolean | null;
}
