import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** ISO-8601 date-time in UTC, from graphql-scalars (vendor timestamps are normalised to it). */
export const DateTimeScalar = DateTimeResolver;

/** Any JSON value: vendor features and predictors keep whatever shape the vendor sent. */
export const JSONScalar = JSONResolver;
