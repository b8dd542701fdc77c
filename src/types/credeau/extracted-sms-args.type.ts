import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_SMS_PAGE_SIZE } from '../../datasources/credeau/credeau-sms.paging';
import { MAX_AGE_DESCRIPTION, MAX_STALE_DESCRIPTION } from '../freshness';
import { SmsFilter } from './sms-filter.type';

/** Arguments of `Customer.extractedSms`, as a class so the SDL lists them in this (Relay) order. */
@ArgsType()
export class ExtractedSmsArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_SMS_PAGE_SIZE,
    description: `Page size (default ${DEFAULT_SMS_PAGE_SIZE}), from 0 to the largest page this subgraph serves (500 unless its operator changed it); above it is BAD_USER_INPUT.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An `endCursor` or edge `cursor` from an earlier page.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Most messages Credeau fetches and extracts (its `cnt_sms_threshold`); Credeau's default when omitted.",
  })
  threshold?: number | null;

  @Field(() => SmsFilter, { nullable: true })
  filter?: SmsFilter | null;

  @Field(() => Int, { nullable: true, description: MAX_AGE_DESCRIPTION })
  maxAge?: number | null;

  @Field(() => Int, { nullable: true, description: MAX_STALE_DESCRIPTION })
  maxStale?: number | null;
}
