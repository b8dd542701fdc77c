import { FROM_CACHE_DESCRIPTION, RETRIEVED_AT_DESCRIPTION, STALE_DESCRIPTION, EVIDENCE_ID_DESCRIPTION } from '../freshness';
import { Directive, Field, Float, ObjectType, ID } from 'type-graphql';
import { CredolabFragment } from './credolab-fragment.type';
import { CredolabPlatform } from './credolab-platform.type';
import { CredolabScorecard } from './credolab-scorecard.type';
import { InsightStatus } from '../insight-status.type';
import { DateTimeScalar } from '../scalars';

/** What the Credolab datasource hands to resolvers: vendor-neutral, fragment values kept as parsed. */
export interface CredolabScoreRecord {
  status: InsightStatus;
  referenceNumber: string;
  platform: CredolabPlatform | null;
  uploadedAt: Date | null;
  requestedAt: Date | null;
  scores: CredolabScorecard[];
  score: number | null;
  probability: number | null;
  fragments: CredolabFragment[];
}

@ObjectType({ description: 'Credolab (API v6.0) credit score and fragments for one dataset.' })
export class CredolabScore {
  @Field(() => InsightStatus)
  status!: InsightStatus;

  @Field(() => String, { description: 'The dataset asked for (the customer id unless given).' })
  referenceNumber!: string;

  @Field(() => CredolabPlatform, { nullable: true })
  platform!: CredolabPlatform | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the dataset reached Credolab.' })
  uploadedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When Credolab answered this request.' })
  requestedAt!: Date | null;

  // One per scorecard deployed on the subscription (usually one or two).
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [CredolabScorecard], { description: 'Every scorecard on the subscription; empty unless COMPLETE.' })
  scores!: CredolabScorecard[];

  @Field(() => Float, { nullable: true, description: "The first scorecard's score." })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: "The first scorecard's probability of default." })
  probability!: number | null;

  // Three standard fragments (velocity, device, permission) plus the subscription's custom ones.
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [CredolabFragment], { description: 'Every fragment; empty unless COMPLETE.' })
  fragments!: CredolabFragment[];

  @Field(() => DateTimeScalar, { description: RETRIEVED_AT_DESCRIPTION })
  retrievedAt!: Date;

  @Field(() => Boolean, { description: FROM_CACHE_DESCRIPTION })
  fromCache!: boolean;

  @Field(() => Boolean, { description: STALE_DESCRIPTION })
  stale!: boolean;

  @Field(() => ID, { nullable: true, description: EVIDENCE_ID_DESCRIPTION })
  evidenceId!: string | null;

  // fragment(code) and fraudCheck(...) are resolved from the record by their own resolvers.
}
