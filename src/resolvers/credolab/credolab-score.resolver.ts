import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Directive, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { WithFreshness } from '../../datasources/vendor-loader';
import { MAX_AGE_DESCRIPTION, MAX_STALE_DESCRIPTION } from '../../types/freshness';
import { withFreshnessHint } from '../cache-hint';
import type { CredolabDatasource } from '../../datasources/credolab/credolab.datasource';
import type { OperationContext } from '../../operation-context';
import { CredolabScore, type CredolabScoreRecord } from '../../types/credolab/credolab-score.type';
import { Customer } from '../../types/customer.type';
import { JSONScalar } from '../../types/scalars';

@Resolver(() => Customer)
export class CustomerCredolabScoreResolver {
  @Directive('@cost(weight: 1)')
  @Directive('@authenticated')
  @FieldResolver(() => CredolabScore, {
    nullable: true,
    description: 'Credolab score and fragments of one dataset. Null with a coded error when Credolab fails.',
  })
  credolabScore(
    @Root() customer: Customer,
    @Ctx() { dataSources }: OperationContext<{ credolab: CredolabDatasource }>,
    @Arg('referenceNumber', () => String, {
      nullable: true,
      description: 'The reference number declared when the dataset was uploaded. Default: the customer id.',
    })
    referenceNumber: string | null | undefined,
    @Arg('maxAge', () => Int, { nullable: true, description: MAX_AGE_DESCRIPTION }) maxAge: number | null | undefined,
    @Arg('maxStale', () => Int, { nullable: true, description: MAX_STALE_DESCRIPTION }) maxStale: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WithFreshness<CredolabScoreRecord>> {
    return withFreshnessHint(info, dataSources.credolab.credolabScore(customer.id, referenceNumber, maxAge, maxStale));
  }
}

@Resolver(() => CredolabScore)
export class CredolabScoreFragmentResolver {
  @FieldResolver(() => JSONScalar, { nullable: true, description: 'One fragment value by code, as sent; null when absent.' })
  fragment(@Root() score: CredolabScoreRecord, @Arg('code', () => String) code: string): unknown {
    return score.fragments.find((fragment) => fragment.code === code)?.value ?? null;
  }
}
