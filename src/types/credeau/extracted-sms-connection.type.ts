import { DateTimeScalar } from '../scalars';
import { FROM_CACHE_DESCRIPTION, RETRIEVED_AT_DESCRIPTION, STALE_DESCRIPTION, EVIDENCE_ID_DESCRIPTION } from '../freshness';
import { Directive, Field, Int, ObjectType, ID } from 'type-graphql';
import { ExtractedSmsEdge } from './extracted-sms-edge.type';
import { ExtractedSmsPageInfo } from './extracted-sms-page-info.type';

@ObjectType({ description: "A page of a customer's extracted SMS (Relay connection), in Credeau's order." })
export class ExtractedSmsConnection {
  @Field(() => Int, { description: 'How many messages match the filter, across all pages (not just this page).' })
  totalCount!: number;

  @Field(() => ExtractedSmsPageInfo)
  pageInfo!: ExtractedSmsPageInfo;

  // Sized by `extractedSms(first:)` (its sizedFields); on its own, the largest page served by default
  // (CREDEAU_SMS_MAX_PAGE_SIZE's default).
  @Directive('@listSize(assumedSize: 500)')
  @Field(() => [ExtractedSmsEdge])
  edges!: ExtractedSmsEdge[];

  @Field(() => DateTimeScalar, { description: RETRIEVED_AT_DESCRIPTION })
  retrievedAt!: Date;

  @Field(() => Boolean, { description: FROM_CACHE_DESCRIPTION })
  fromCache!: boolean;

  @Field(() => Boolean, { description: STALE_DESCRIPTION })
  stale!: boolean;

  @Field(() => ID, { nullable: true, description: EVIDENCE_ID_DESCRIPTION })
  evidenceId!: string | null;
}
