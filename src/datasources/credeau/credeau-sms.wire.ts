/** Credeau's SMS extraction JSON as sent. Never imported outside this folder: the SMS mapper turns it into our types. */

export interface CredeauSmsRequest {
  user_id: string;
  client_id: string;
  /** Threshold on the number of SMS Credeau fetches and extracts; omitted to use Credeau's own default. */
  cnt_sms_threshold?: number;
}

export interface CredeauSmsResponse {
  /** Empty when the SDK has not synced (yet) for this user. */
  extracted_sms_data?: CredeauSmsWireRecord[];
}

/**
 * One extracted message. Every key may be missing: unclassified messages carry only a few, and the
 * vendor's own samples differ in which keys they include. `sms_body`, `transaction_party` and
 * `account_last_digits` (and `acc_number_nlp`) are personal data.
 */
export interface CredeauSmsWireRecord {
  _id?: string;
  user_id?: string;
  client_id?: string;
  request_id?: string;
  sms_id?: string | number;
  sms_sender?: string;
  /** `YYYY-MM-DD HH:MM:SS`, no zone. */
  sms_inbox_date?: string;
  sms_body?: string;
  created_at?: string;
  created_date?: string;
  template_hash?: string;
  is_classified?: boolean;
  is_extracted?: boolean;
  account_last_digits?: string;
  /** The amount, in the account's currency. */
  transaction?: number;
  transaction_party?: string;
  sms_sub_type?: string;
  sms_type?: string;
  sender_name?: string;
  sender_type?: string;
  sms_nlp_tag?: string;
  unique_pan?: string;
  is_transactional?: boolean;
  transaction_type?: string;
  acc_number_nlp?: string;
  transaction_nlp?: number;
  unique_pan_nlp?: string;
  [key: string]: unknown;
}
