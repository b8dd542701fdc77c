import { EVIDENCE_ID_DESCRIPTION } from '../freshness';
import { Directive, Field, Float, Int, ObjectType, ID } from 'type-graphql';
import { CredolabFraudDevice } from './credolab-fraud-device.type';
import { CredolabFraudRule } from './credolab-fraud-rule.type';
import { CredolabIpDetails } from './credolab-ip-details.type';
import { InsightStatus } from '../insight-status.type';
import { DateTimeScalar } from '../scalars';

/** What the Credolab datasource hands back for one iovation fraud check. */
export interface CredolabFraudCheckRecord {
  status: InsightStatus;
  accountCode: string | null;
  rulesetId: string | null;
  requestedAt: Date | null;
  resultId: string | null;
  result: string | null;
  reason: string | null;
  trackingNumber: string | null;
  score: number | null;
  rulesMatched: number | null;
  rules: CredolabFraudRule[];
  device: CredolabFraudDevice | null;
  statedIp: CredolabIpDetails | null;
  realIp: CredolabIpDetails | null;
}

@ObjectType({ description: 'Credolab iovation fraud check of one transaction on a dataset.' })
export class CredolabFraudCheck {
  @Field(() => InsightStatus, {
    description: 'NOT_FOUND/REMOVED: no such dataset; NOT_CONFIGURED: no rulesets on the subscription; NO_DATA: no iovation metadata in the dataset.',
  })
  status!: InsightStatus;

  @Field(() => String, { nullable: true })
  accountCode!: string | null;

  @Field(() => String, { nullable: true })
  rulesetId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "iovation's id for this check." })
  resultId!: string | null;

  @Field(() => String, { nullable: true, description: 'iovation result, e.g. A (allow), R (review), D (deny).' })
  result!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'iovation tracking number (a large number, kept as text).' })
  trackingNumber!: string | null;

  @Field(() => Float, { nullable: true, description: 'Total score of the rules that matched.' })
  score!: number | null;

  @Field(() => Int, { nullable: true })
  rulesMatched!: number | null;

  // The iovation rules that matched in one rule set; rule sets hold tens of rules.
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [CredolabFraudRule])
  rules!: CredolabFraudRule[];

  @Field(() => CredolabFraudDevice, { nullable: true })
  device!: CredolabFraudDevice | null;

  @Field(() => CredolabIpDetails, { nullable: true, description: 'The IP address the transaction stated.' })
  statedIp!: CredolabIpDetails | null;

  @Field(() => CredolabIpDetails, { nullable: true, description: 'The IP address iovation saw.' })
  realIp!: CredolabIpDetails | null;

  @Field(() => ID, { nullable: true, description: EVIDENCE_ID_DESCRIPTION })
  evidenceId!: string | null;
}
