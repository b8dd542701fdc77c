import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Directive, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { WithFreshness } from '../../datasources/vendor-loader';
import { MAX_AGE_DESCRIPTION, MAX_STALE_DESCRIPTION } from '../../types/freshness';
import { withFreshnessHint } from '../cache-hint';
import type { CredeauDatasource } from '../../datasources/credeau/credeau.datasource';
import type { OperationContext } from '../../operation-context';
import { Customer } from '../../types/customer.type';
import { DeviceInsights, type DeviceInsightsRecord } from '../../types/credeau/device-insights.type';
import { Feature } from '../../types/feature.type';
import { JSONScalar } from '../../types/scalars';

@Resolver(() => Customer)
export class CustomerDeviceInsightsResolver {
  @Directive('@cost(weight: 1)')
  @Directive('@authenticated')
  @FieldResolver(() => DeviceInsights, {
    nullable: true,
    description: 'Credeau DeviceInsights. Null with a coded error when Credeau fails.',
  })
  deviceInsights(
    @Root() customer: Customer,
    @Ctx() { dataSources }: OperationContext<{ credeau: CredeauDatasource }>,
    @Arg('maxAge', () => Int, { nullable: true, description: MAX_AGE_DESCRIPTION }) maxAge: number | null | undefined,
    @Arg('maxStale', () => Int, { nullable: true, description: MAX_STALE_DESCRIPTION }) maxStale: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WithFreshness<DeviceInsightsRecord>> {
    return withFreshnessHint(info, dataSources.credeau.deviceInsights(customer.id, maxAge, maxStale));
  }
}

@Resolver(() => DeviceInsights)
export class DeviceInsightsFeaturesResolver {
  @FieldResolver(() => Int, { description: 'How many features the vendor returned.' })
  featureCount(@Root() insights: DeviceInsightsRecord): number {
    return insights.features.count;
  }

  @FieldResolver(() => JSONScalar, { nullable: true, description: 'One feature by name; null when absent.' })
  feature(@Root() insights: DeviceInsightsRecord, @Arg('name', () => String) name: string): unknown {
    return insights.features.get(name);
  }

  @Directive('@listSize(assumedSize: 3000)')
  @FieldResolver(() => [Feature], {
    description: 'The named features that exist, in the order asked; every feature when names is omitted.',
  })
  features(
    @Root() insights: DeviceInsightsRecord,
    @Arg('names', () => [String], { nullable: true }) names?: string[] | null,
  ): Feature[] {
    return insights.features.list(names);
  }
}
