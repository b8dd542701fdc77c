import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Directive, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { WithFreshness } from '../../datasources/vendor-loader';
import { MAX_AGE_DESCRIPTION, MAX_STALE_DESCRIPTION } from '../../types/freshness';
import { withFreshnessHint } from '../cache-hint';
import type { FinboxDatasource } from '../../datasources/finbox/finbox.datasource';
import type { OperationContext } from '../../operation-context';
import { Customer } from '../../types/customer.type';
import { FinboxPredictors, type FinboxPredictorsRecord } from '../../types/finbox/finbox-predictors.type';
import { Predictor } from '../../types/finbox/predictor.type';
import { JSONScalar } from '../../types/scalars';

@Resolver(() => Customer)
export class CustomerFinboxPredictorsResolver {
  @Directive('@cost(weight: 1)')
  @Directive('@authenticated')
  @FieldResolver(() => FinboxPredictors, {
    nullable: true,
    description: 'FinBox DeviceConnect risk predictors. Null with a coded error when FinBox fails.',
  })
  finboxPredictors(
    @Root() customer: Customer,
    @Ctx() { dataSources }: OperationContext<{ finbox: FinboxDatasource }>,
    @Arg('version', () => Int, {
      nullable: true,
      description: 'Predictor feature-set version. Default: the version this subgraph is configured for.',
    })
    version: number | null,
    @Arg('maxAge', () => Int, { nullable: true, description: MAX_AGE_DESCRIPTION }) maxAge: number | null | undefined,
    @Arg('maxStale', () => Int, { nullable: true, description: MAX_STALE_DESCRIPTION }) maxStale: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WithFreshness<FinboxPredictorsRecord>> {
    return withFreshnessHint(info, dataSources.finbox.predictors(customer.id, version, maxAge, maxStale));
  }
}

@Resolver(() => FinboxPredictors)
export class FinboxPredictorsValuesResolver {
  // FinBox publishes no maximum; a predictor feature set holds hundreds (the simulator's ~30).
  @Directive('@listSize(assumedSize: 1000)')
  @FieldResolver(() => [Predictor], {
    description: 'The named predictors that exist, in the order asked; every predictor, in FinBox\'s order, when names is omitted.',
  })
  predictors(
    @Root() record: FinboxPredictorsRecord,
    @Arg('names', () => [String], { nullable: true }) names?: string[] | null,
  ): Predictor[] {
    return record.predictors.list(names);
  }

  @FieldResolver(() => JSONScalar, { nullable: true, description: 'One predictor\'s value by name; null when absent.' })
  predictor(@Root() record: FinboxPredictorsRecord, @Arg('name', () => String) name: string): unknown {
    return record.predictors.get(name);
  }
}
