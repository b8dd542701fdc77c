import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Directive, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { withFreshnessHint } from '../cache-hint';
import type { WithFreshness } from '../../datasources/vendor-loader';
import type { CredolabDatasource } from '../../datasources/credolab/credolab.datasource';
import type { OperationContext } from '../../operation-context';
import { CredolabFraudCheck, type CredolabFraudCheckRecord } from '../../types/credolab/credolab-fraud-check.type';
import { CredolabScore, type CredolabScoreRecord } from '../../types/credolab/credolab-score.type';
import { TransactionInsightInput } from '../../types/credolab/transaction-insight.input';

@Resolver(() => CredolabScore)
export class CredolabFraudCheckResolver {
  @Directive('@cost(weight: 1)')
  @Directive('@authenticated')
  @Directive('@requiresScopes(scopes: [["signals:fraud:check"]])')
  @FieldResolver(() => CredolabFraudCheck, {
    nullable: true,
    description: 'iovation fraud check of a transaction on this dataset. Null with a coded error when it fails.',
  })
  fraudCheck(
    @Root() score: WithFreshness<CredolabScoreRecord>,
    @Ctx() { dataSources }: OperationContext<{ credolab: CredolabDatasource }>,
    @Arg('rulesetId', () => String, { description: 'The iovation rule set (case-insensitive).' }) rulesetId: string,
    @Arg('accountCode', () => String, { description: "The end-user's account or the transaction id." }) accountCode: string,
    @Arg('transactionInsight', () => TransactionInsightInput, { nullable: true }) transactionInsight: TransactionInsightInput | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CredolabFraudCheckRecord> {
    // Never stored (an event, evaluated now): its hint is 0.
    return withFreshnessHint(info, dataSources.credolab.fraudCheck(score.customerId, score.referenceNumber, { rulesetId, accountCode, transactionInsight }));
  }
}
