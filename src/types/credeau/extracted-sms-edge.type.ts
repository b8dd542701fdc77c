import { Field, ObjectType } from 'type-graphql';
import { ExtractedSms } from './extracted-sms.type';

@ObjectType({ description: 'One message in a page of extracted SMS, with the cursor to resume after it.' })
export class ExtractedSmsEdge {
  @Field(() => String, { description: 'Opaque; pass as `after` to continue after this message.' })
  cursor!: string;

  @Field(() => ExtractedSms)
  node!: ExtractedSms;
}
