import { z } from 'zod';
import { lenient, textOrNumber, wireId } from '../wire-schema';

/** Credeau's SMS extraction JSON as sent, as zod schemas. Never imported outside this folder: the SMS mapper turns it into our types. */

export const credeauSmsRequest = z.object({
  user_id: z.string(),
  client_id: z.string(),
  /** Threshold on the number of SMS Credeau fetches and extracts; omitted to use Credeau's own default. */
  cnt_sms_threshold: z.number().int().positive().optional(),
});
export type CredeauSmsRequest = z.input<typeof credeauSmsRequest>;

/** Text as sent, a number as its decimal text; absent when missing or anything else. */
const text = lenient(textOrNumber);

/** A number, or a numeric string ("80.0"); absent for anything else (including "", NaN). */
const amount = lenient(z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]));

/**
 * One extracted message. Every key may be missing: unclassified messages carry only a few, and the
 * vendor's own samples differ in which keys they include. A missing or mistyped key reads as absent
 * (null in our types) rather than failing the list: one odd message must not hide the others. Only `user_id` must hold,
 * when present: it ties the message to the customer asked about. `sms_body`, `transaction_party` and
 * `account_last_digits` are personal data. Documented keys we do not read (`client_id`, `request_id`,
 * `created_at`, `created_date`, `unique_pan`, `acc_number_nlp`, `transaction_nlp`, `unique_pan_nlp`)
 * are left out: parsing strips them, so they go no further than this file.
 */
const credeauSmsRecord = z.object({
  _id: text,
  user_id: wireId.nullish(),
  sms_id: text,
  sms_sender: text,
  /** `YYYY-MM-DD HH:MM:SS`, no zone. */
  sms_inbox_date: lenient(z.string()),
  sms_body: text,
  template_hash: text,
  is_classified: lenient(z.boolean()),
  is_extracted: lenient(z.boolean()),
  account_last_digits: text,
  /** The amount, in the account's currency. */
  transaction: amount,
  transaction_party: text,
  sms_sub_type: text,
  sms_type: text,
  sender_name: text,
  sender_type: text,
  sms_nlp_tag: text,
  is_transactional: lenient(z.boolean()),
  transaction_type: text,
});
export type CredeauSmsRecord = z.output<typeof credeauSmsRecord>;

/** The list is required; it is empty when the SDK has not synced (yet) for this user. */
export const credeauSmsResponse = z.object({
  extracted_sms_data: z.array(credeauSmsRecord),
});
