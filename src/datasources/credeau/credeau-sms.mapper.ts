import type { ExtractedSms } from '../../types/credeau/extracted-sms.type';
import { badResponse } from '../http/classify-failure';
import { parseWire } from '../wire-schema';
import { parseCredeauTime } from './credeau.mapper';
import { credeauSmsResponse, type CredeauSmsRecord } from './credeau-sms.wire';

/**
 * Wire -> ExtractedSms[], in the vendor's order (paging cursors point into that order). The wire schema
 * reads missing or mistyped keys as null rather than failing the list: one odd message must not hide the
 * others. A list about another user is refused outright, as for insights: another person's SMS is the
 * worst thing this field could return. Nothing here logs: the records carry message bodies.
 */
export function toExtractedSmsList(body: unknown, expectedUserId: string, timestampOffset: string): ExtractedSms[] {
  const { extracted_sms_data: list } = parseWire(credeauSmsResponse, body, 'CREDEAU', 'SMS extraction response');
  return list.map((wire) => {
    if (wire.user_id !== undefined && wire.user_id !== null && wire.user_id !== expectedUserId) {
      throw badResponse('CREDEAU', 'SMS extraction response is about a different user');
    }
    return toExtractedSms(wire, timestampOffset);
  });
}

export function toExtractedSms(wire: CredeauSmsRecord, timestampOffset: string): ExtractedSms {
  return {
    id: wire._id ?? null,
    smsId: wire.sms_id ?? null,
    sender: wire.sms_sender ?? null,
    receivedAt: parseCredeauTime(wire.sms_inbox_date, timestampOffset),
    body: wire.sms_body ?? null,
    senderName: wire.sender_name ?? null,
    senderType: wire.sender_type ?? null,
    smsType: wire.sms_type ?? null,
    smsSubType: wire.sms_sub_type ?? null,
    nlpTag: wire.sms_nlp_tag ?? null,
    isTransactional: wire.is_transactional ?? null,
    transactionType: wire.transaction_type ?? null,
    amount: wire.transaction ?? null,
    accountLastDigits: wire.account_last_digits ?? null,
    counterparty: wire.transaction_party ?? null,
    templateHash: wire.template_hash ?? null,
    isClassified: wire.is_classified ?? null,
    isExtracted: wire.is_extracted ?? null,
  };
}
