import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Directive, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { WithFreshness } from '../../datasources/vendor-loader';
import { MAX_AGE_DESCRIPTION, MAX_STALE_DESCRIPTION } from '../../types/freshness';
import { withFreshnessHint } from '../cache-hint';
import type { NeuroidDatasource } from '../../datasources/neuroid/neuroid.datasource';
import type { OperationContext } from '../../operation-context';
import { BehaviorSignal } from '../../types/neuroid/behavior-signal.type';
import { BehaviorSignals, type BehaviorSignalsRecord } from '../../types/neuroid/behavior-signals.type';
import { Customer } from '../../types/customer.type';

@Resolver(() => Customer)
export class CustomerBehaviorSignalsResolver {
  @Directive('@cost(weight: 1)')
  @Directive('@authenticated')
  @FieldResolver(() => BehaviorSignals, {
    nullable: true,
    description: 'NeuroID behavioural signals of the customer. Null with a coded error when NeuroID fails.',
  })
  behaviorSignals(
    @Root() customer: Customer,
    @Ctx() { dataSources }: OperationContext<{ neuroid: NeuroidDatasource }>,
    @Arg('siteId', () => String, { nullable: true, description: 'The NeuroID site (form). Default: the site this subgraph is configured for.' })
    siteId: string | null | undefined,
    @Arg('maxAge', () => Int, { nullable: true, description: MAX_AGE_DESCRIPTION }) maxAge: number | null | undefined,
    @Arg('maxStale', () => Int, { nullable: true, description: MAX_STALE_DESCRIPTION }) maxStale: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WithFreshness<BehaviorSignalsRecord>> {
    return withFreshnessHint(info, dataSources.neuroid.behaviorSignals(customer.id, siteId, maxAge, maxStale));
  }
}

@Resolver(() => BehaviorSignals)
export class BehaviorSignalLookupResolver {
  /** Signals come in no fixed order, so they are found by model (the first, should NeuroID repeat one). */
  @FieldResolver(() => BehaviorSignal, { nullable: true, description: 'The signal of one model; null when absent.' })
  signal(@Root() signals: BehaviorSignalsRecord, @Arg('model', () => String) model: string): BehaviorSignal | null {
    return signals.signals.find((signal) => signal.model === model) ?? null;
  }
}
