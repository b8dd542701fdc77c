import { FROM_CACHE_DESCRIPTION, RETRIEVED_AT_DESCRIPTION, STALE_DESCRIPTION, EVIDENCE_ID_DESCRIPTION } from '../freshness';
import { Field, ObjectType, ID } from 'type-graphql';
import { FeatureSet } from '../feature-set';
import { InsightStatus } from '../insight-status.type';
import { DateTimeScalar } from '../scalars';

/** What the Credeau datasource hands to resolvers: vendor-neutral, features kept as parsed. */
export interface DeviceInsightsRecord {
  status: InsightStatus;
  requestId: string | null;
  requestedAt: Date | null;
  processedAt: Date | null;
  features: FeatureSet;
}

@ObjectType({ description: 'Credeau DeviceInsights: ~3000 device and SMS features for one customer.' })
export class DeviceInsights {
  @Field(() => InsightStatus)
  status!: InsightStatus;

  @Field(() => String, { nullable: true, description: "The vendor's id for this request, for support tickets." })
  requestId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  processedAt!: Date | null;

  @Field(() => DateTimeScalar, { description: RETRIEVED_AT_DESCRIPTION })
  retrievedAt!: Date;

  @Field(() => Boolean, { description: FROM_CACHE_DESCRIPTION })
  fromCache!: boolean;

  @Field(() => Boolean, { description: STALE_DESCRIPTION })
  stale!: boolean;

  @Field(() => ID, { nullable: true, description: EVIDENCE_ID_DESCRIPTION })
  evidenceId!: string | null;

  // featureCount, feature(name) and features(names) are resolved from the record's FeatureSet.
}
