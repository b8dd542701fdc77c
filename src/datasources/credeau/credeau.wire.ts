import { z } from 'zod';
import { isJsonObject, lenient, wireId } from '../wire-schema';

/** Credeau's JSON as sent, as zod schemas. Never imported outside this folder: mappers turn it into our types. */

export const CREDEAU_GROUPINGS = ['sms', 'fraud', 'extracted_sms'] as const;

export const credeauInsightsRequest = z.object({
  user_id: z.string(),
  client_id: z.string(),
  /** Always exactly CREDEAU_GROUPINGS: any other value gives incomplete features. */
  groupings: z.tuple([z.literal(CREDEAU_GROUPINGS[0]), z.literal(CREDEAU_GROUPINGS[1]), z.literal(CREDEAU_GROUPINGS[2])]).readonly(),
});
export type CredeauInsightsRequest = z.input<typeof credeauInsightsRequest>;

/** The three states Credeau documents in `message`; any other text is an answer we cannot read. */
export const credeauMessage = z.enum(['featurization completed', 'featurization in progress', 'user not found']);
export type CredeauMessage = z.output<typeof credeauMessage>;

/** The metadata keys that sit beside the ~3000 feature keys in one flat object. */
const credeauInsightsMetadata = z.object({
  /** Must be the user asked about (checked by the mapper); a number is read as its decimal text. */
  user_id: wireId.optional(),
  request_id: lenient(z.string()),
  /** `YYYY-MM-DD HH:MM:SS`, no zone. */
  data_requested_time: lenient(z.string()),
  data_processed_time: lenient(z.string()),
  message: credeauMessage,
});

export const CREDEAU_METADATA_KEYS = credeauInsightsMetadata.keyof().options;

/**
 * The features are the body itself, read in place by FeatureSet: checked here to be an object, never
 * walked or copied (a `z.record` would visit and copy all ~3000 keys per customer, doubling the cost
 * of JSON.parse on the cold path).
 */
const credeauFeatureMap = z.custom<Readonly<Record<string, unknown>>>(isJsonObject);

/** One flat object, read twice: its metadata keys by their schema, the whole of it as the feature map. */
export const credeauInsightsResponse = z.preprocess(
  (body) => ({ metadata: body, features: body }),
  z.object({ metadata: credeauInsightsMetadata, features: credeauFeatureMap }),
);
