import type { GraphQLResolveInfo } from 'graphql';
import { Args, Directive, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { WithFreshness } from '../../datasources/vendor-loader';
import { withFreshnessHint } from '../cache-hint';
import type { CredeauSmsDatasource } from '../../datasources/credeau/credeau-sms.datasource';
import type { OperationContext } from '../../operation-context';
import { Customer } from '../../types/customer.type';
import { ExtractedSmsArgs } from '../../types/credeau/extracted-sms-args.type';
import { ExtractedSmsConnection } from '../../types/credeau/extracted-sms-connection.type';
import { DEFAULT_SMS_PAGE_SIZE } from '../../datasources/credeau/credeau-sms.paging';

@Resolver(() => Customer)
export class CustomerExtractedSmsResolver {
  @Directive('@cost(weight: 1)')
  // A page holds `first` edges (the schema default when omitted; null means the default too, hence not required).
  @Directive(
    `@listSize(assumedSize: ${DEFAULT_SMS_PAGE_SIZE}, slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)`,
  )
  @Directive('@authenticated')
  @Directive('@requiresScopes(scopes: [["signals:sms:read"]])')
  @FieldResolver(() => ExtractedSmsConnection, {
    nullable: true,
    description:
      "The customer's SMS as Credeau extracted them, a page at a time (Relay connection). Filters apply before " +
      'paging: `totalCount` counts the messages matching the filter. Null with a coded error when Credeau fails.',
  })
  extractedSms(
    @Root() customer: Customer,
    @Ctx() { dataSources }: OperationContext<{ credeauSms: CredeauSmsDatasource }>,
    @Args(() => ExtractedSmsArgs) args: ExtractedSmsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WithFreshness<Omit<ExtractedSmsConnection, 'retrievedAt' | 'fromCache' | 'stale' | 'evidenceId'>>> {
    // Always PRIVATE (message bodies), like every vendor field.
    return withFreshnessHint(info, dataSources.credeauSms.extractedSms(customer.id, args));
  }
}
