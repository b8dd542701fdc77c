import type { ExtractedSms } from '../../types/credeau/extracted-sms.type';
import { badResponse } from '../http/classify-failure';
import { parseCredeauTime } from './credeau.mapper';
import type { CredeauSmsResponse, CredeauSmsWireRecord } from './credeau-sms.wire';

/**
 * Wire -> ExtractedSms[], in the vendor's order (paging cursors point into that order). Missing or
 * mistyped keys become null rather than failing the list: one odd message must not hide the others.
 * A list about another user is refused outright, as for insights: another person's SMS is the worst
 * thing this field could return. Nothing here logs: the records carry message bodies.
 */
export function toExtractedSmsList(body: unknown, expectedUserId: string, timestampOffset: string): ExtractedSms[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badResponse('CREDEAU', 'SMS extraction response is not a JSON object');
  }
  const list = (body as CredeauSmsResponse).extracted_sms_data;
  if (!Array.isArray(list)) throw badResponse('CREDEAU', 'SMS extraction response has no extracted_sms_data list');

  return list.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw badResponse('CREDEAU', 'SMS extraction response holds an entry that is not an object');
    }
    const wire = entry as CredeauSmsWireRecord;
    if (wire.user_id !== undefined && wire.user_id !== null && String(wire.user_id) !== expectedUserId) {
      throw badResponse('CREDEAU', 'SMS extraction response is about a different user');
    }
    return toExtractedSms(wire, timestampOffset);
  });
}

export function toExtractedSms(wire: CredeauSmsWireRecord, timestampOffset: string): ExtractedSms {
  return {
    id: text(wire._id),
    smsId: text(wire.sms_id),
    sender: text(wire.sms_sender),
    receivedAt: parseCredeauTime(wire.sms_inbox_date, timestampOffset),
    body: text(wire.sms_body),
    senderName: text(wire.sender_name),
    senderType: text(wire.sender_type),
    smsType: text(wire.sms_type),
    smsSubType: text(wire.sms_sub_type),
    nlpTag: text(wire.sms_nlp_tag),
    isTransactional: flag(wire.is_transactional),
    transactionType: text(wire.transaction_type),
    amount: amount(wire.transaction),
    accountLastDigits: text(wire.account_last_digits),
    counterparty: text(wire.transaction_party),
    templateHash: text(wire.template_hash),
    isClassified: flag(wire.is_classified),
    isExtracted: flag(wire.is_extracted),
  };
}

/** Strings as sent; numbers (an `sms_id` of 1345) as their decimal text; anything else null. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** Numbers, or numeric strings ("80.0"); anything else (including "", NaN) null. */
function amount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return null;
}
