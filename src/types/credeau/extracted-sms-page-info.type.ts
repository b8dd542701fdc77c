import { Field, ObjectType } from 'type-graphql';

/**
 * Relay's PageInfo, under a name of its own: a value type called `PageInfo` in two subgraphs only
 * composes when both define it identically, and we do not own the supergraph's other subgraphs.
 */
@ObjectType({ description: 'Where a page of extracted SMS sits among all the matching messages.' })
export class ExtractedSmsPageInfo {
  @Field(() => Boolean, { description: 'More matching messages follow the last edge.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Matching messages precede the first edge (the page started after a cursor).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null when the page is empty.' })
  endCursor!: string | null;
}
