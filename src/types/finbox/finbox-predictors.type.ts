import { FROM_CACHE_DESCRIPTION, RETRIEVED_AT_DESCRIPTION, STALE_DESCRIPTION, EVIDENCE_ID_DESCRIPTION } from '../freshness';
import { Field, Int, ObjectType, ID } from 'type-graphql';
import { FeatureSet } from '../feature-set';
import { InsightStatus } from '../insight-status.type';
import { DateTimeScalar } from '../scalars';

/** What the FinBox datasource hands to resolvers: vendor-neutral, predictors kept by name. */
export interface FinboxPredictorsRecord {
  status: InsightStatus;
  requestId: string | null;
  requestedAt: Date | null;
  processedAt: Date | null;
  version: number;
  predictors: FeatureSet;
}

@ObjectType({ description: 'FinBox DeviceConnect risk predictors for one customer.' })
export class FinboxPredictors {
  @Field(() => InsightStatus, {
    description: 'COMPLETE, NO_DATA, NOT_FOUND, or IN_PROGRESS when FinBox was still computing at the poll deadline.',
  })
  status!: InsightStatus;

  @Field(() => String, { nullable: true, description: "FinBox's id for this request, for support tickets." })
  requestId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  processedAt!: Date | null;

  @Field(() => Int, { description: 'The predictor feature-set version these predictors come from.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: RETRIEVED_AT_DESCRIPTION })
  retrievedAt!: Date;

  @Field(() => Boolean, { description: FROM_CACHE_DESCRIPTION })
  fromCache!: boolean;

  @Field(() => Boolean, { description: STALE_DESCRIPTION })
  stale!: boolean;

  @Field(() => ID, { nullable: true, description: EVIDENCE_ID_DESCRIPTION })
  evidenceId!: string | null;

  // predictors(names) and predictor(name) are resolved from the record's FeatureSet.
}
