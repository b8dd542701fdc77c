import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/** What Apollo Router's response cache was told. */
export enum RouterInvalidationResult {
  SENT = 'SENT',
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  FAILED = 'FAILED',
}

registerEnumType(RouterInvalidationResult, {
  name: 'RouterInvalidationResult',
  valuesConfig: {
    SENT: { description: "The router's invalidation endpoint accepted the customer's cache tag." },
    NOT_CONFIGURED: { description: 'ROUTER_INVALIDATION_URL is not set: the router cache expires on its own (max-age).' },
    FAILED: { description: 'The endpoint could not be reached or refused: cached answers may live until their max-age.' },
  },
});

@ObjectType({ description: "The receipt of one customer's erasure, tier by tier." })
export class SignalErasure {
  @Field(() => DateTimeScalar)
  erasedAt!: Date;

  @Field(() => Int, { description: 'Stored answers deleted from Redis and from this replica\'s memory.' })
  storeEntries!: number;

  @Field(() => Int, { description: 'Evidence records made unreadable for good (their data key destroyed).' })
  evidenceRecords!: number;

  @Field(() => Int, { description: 'Replicas that received the erasure (this one included).' })
  replicasReached!: number;

  @Field(() => Int, { description: 'Replicas that confirmed they dropped the customer from memory (this one included).' })
  replicasAcknowledged!: number;

  @Field(() => RouterInvalidationResult)
  routerInvalidation!: RouterInvalidationResult;
}
