import { DateTimeScalar } from '../scalars';
import { FROM_CACHE_DESCRIPTION, RETRIEVED_AT_DESCRIPTION, STALE_DESCRIPTION, EVIDENCE_ID_DESCRIPTION } from '../freshness';
import { Directive, Field, ObjectType, ID } from 'type-graphql';
import { BehaviorSignal } from './behavior-signal.type';
import { InsightStatus } from '../insight-status.type';
import { JSONScalar } from '../scalars';

/** What the NeuroID datasource hands to resolvers. */
export interface BehaviorSignalsRecord {
  status: InsightStatus;
  profileId: string;
  siteId: string;
  funnel: string | null;
  clientId: string | null;
  signals: BehaviorSignal[];
  interactionAttributes: unknown;
}

@ObjectType({ description: 'NeuroID (Analytics API v4.1) behavioural signals for one profile on one site.' })
export class BehaviorSignals {
  @Field(() => InsightStatus, {
    description: 'COMPLETE; INSUFFICIENT_DATA (signals kept, some scores null); NOT_CONFIGURED; NOT_FOUND.',
  })
  status!: InsightStatus;

  @Field(() => String, { description: 'The NeuroID identity: our customer id.' })
  profileId!: string;

  @Field(() => String)
  siteId!: string;

  @Field(() => String, { nullable: true })
  funnel!: string | null;

  @Field(() => String, { nullable: true, description: "NeuroID's id of the browser behind the profile." })
  clientId!: string | null;

  // NeuroID publishes no fixed length: one signal per model on the site (five in its own examples).
  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [BehaviorSignal], { description: 'In no fixed order: look one up with signal(model:).' })
  signals!: BehaviorSignal[];

  @Field(() => JSONScalar, { nullable: true, description: 'Interaction-level ID Attributes, when purchased.' })
  interactionAttributes!: unknown;

  // signal(model) is resolved from the record by its own resolver.

  @Field(() => DateTimeScalar, { description: RETRIEVED_AT_DESCRIPTION })
  retrievedAt!: Date;

  @Field(() => Boolean, { description: FROM_CACHE_DESCRIPTION })
  fromCache!: boolean;

  @Field(() => Boolean, { description: STALE_DESCRIPTION })
  stale!: boolean;

  @Field(() => ID, { nullable: true, description: EVIDENCE_ID_DESCRIPTION })
  evidenceId!: string | null;
}
