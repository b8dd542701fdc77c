import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars';
import { SCHEMA_EXAMPLE } from '../../vendors/registry';
import { EvidenceStatus } from './evidence-status.type';

@ObjectType({ description: 'One vendor answer as the evidence ledger kept it: what a past response was computed from.' })
export class SignalEvidence {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: `The vendor that answered, e.g. ${SCHEMA_EXAMPLE.vendor}.` })
  vendor!: string;

  @Field(() => String, { description: `Which of the vendor's products, e.g. ${SCHEMA_EXAMPLE.product}.` })
  product!: string;

  @Field(() => ID, { nullable: true, description: 'The customer the answer is about; null once erased or expired.' })
  customerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When this subgraph received the answer from the vendor.' })
  retrievedAt!: Date;

  @Field(() => String, { nullable: true, description: "The vendor's id of the request, when it gave one; null once erased." })
  vendorRequestId!: string | null;

  @Field(() => EvidenceStatus)
  status!: EvidenceStatus;

  @Field(() => JSONScalar, { nullable: true, description: 'The arguments that shaped the answer; null once erased or expired.' })
  arguments!: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true, description: "The vendor's body as received, while AVAILABLE." })
  body!: unknown;
}
