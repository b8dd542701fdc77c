import { toExtractedSmsList } from '../../src/datasources/credeau/credeau-sms.mapper';
import { codeOf } from '../support/vendor-error-code';

/** Credeau's documented sample (vendor-docs/credeau-sms-extraction.txt), first and third records. */
const DEBIT = {
  _id: '68d64205e4a336675ab707c6', user_id: 'u1', client_id: 'c', request_id: '9c8d583b51334515a6ae3dfe8cb333ce',
  sms_id: '1345', sms_sender: 'sbiupi', sms_inbox_date: '2025-09-22 16:27:01',
  sms_body: 'dear upi user a/c x3028 debited by 80.0 on date 22sep25 trf to vinod kumar sah refno 000000642062',
  created_at: '2025-09-26 07:34:29', created_date: '2025-09-26', is_classified: true, is_extracted: true,
  account_last_digits: '3028', transaction: 80.0, transaction_party: 'vinod kumar sah', sms_sub_type: 'bank',
  sms_type: 'account_debit_executed', sender_name: 'state bank of india', sender_type: 'bank',
  sms_nlp_tag: 'account_debit_executed_transfer_out', unique_pan: 'bank | state bank of india | 28',
  is_transactional: true, transaction_type: 'debit-transaction', acc_number_nlp: 'x3028', transaction_nlp: 80.0,
};
const UNCLASSIFIED = {
  _id: '68d64205e4a336675ab707c8', user_id: 'u1', sms_id: '1341', sms_sender: 'airbnk', sms_inbox_date: '2025-09-21 13:54:21',
  sms_body: 'txn of rs. 5000 using airtel payments bank card 8756 declined', is_classified: false, is_extracted: false,
  sender_name: 'airtel payments bank', sender_type: 'bank', sms_nlp_tag: 'transaction_delined', is_transactional: false,
};


describe('toExtractedSmsList', () => {
  it('maps every documented key to its camelCase field with real types', () => {
    const [sms] = toExtractedSmsList({ extracted_sms_data: [DEBIT] }, 'u1', '+00:00');
    expect(sms).toEqual({
      id: '68d64205e4a336675ab707c6', smsId: '1345', sender: 'sbiupi',
      receivedAt: new Date('2025-09-22T16:27:01Z'), body: DEBIT.sms_body,
      senderName: 'state bank of india', senderType: 'bank', smsType: 'account_debit_executed', smsSubType: 'bank',
      nlpTag: 'account_debit_executed_transfer_out', isTransactional: true, transactionType: 'debit-transaction',
      amount: 80, accountLastDigits: '3028', counterparty: 'vinod kumar sah', templateHash: null,
      isClassified: true, isExtracted: true,
    });
  });

  it('turns missing keys into nulls, keeps order, and never fails on an odd entry', () => {
    const list = toExtractedSmsList({ extracted_sms_data: [UNCLASSIFIED, {}, { sms_id: 1345, transaction: '80.0', is_transactional: 'yes' }] }, 'u1', '+05:30');
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ id: '68d64205e4a336675ab707c8', smsType: null, amount: null, counterparty: null, isClassified: false });
    expect(list[0]?.receivedAt?.toISOString()).toBe('2025-09-21T08:24:21.000Z');
    expect(Object.values(list[1] ?? {}).every((value) => value === null)).toBe(true);
    expect(list[2]).toMatchObject({ smsId: '1345', amount: 80, isTransactional: null });
  });

  it('maps an empty list to no messages', () => {
    expect(toExtractedSmsList({ extracted_sms_data: [] }, 'u1', '+00:00')).toEqual([]);
  });

  it('refuses a body without the list, a non-object entry, and messages about another user', () => {
    expect(codeOf(() => toExtractedSmsList({}, 'u1', '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
    expect(codeOf(() => toExtractedSmsList('[]', 'u1', '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
    expect(codeOf(() => toExtractedSmsList({ extracted_sms_data: [DEBIT, 'x'] }, 'u1', '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
    expect(codeOf(() => toExtractedSmsList({ extracted_sms_data: [DEBIT] }, 'u2', '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
  });

  it('never quotes a message in its errors', () => {
    try {
      toExtractedSmsList({ extracted_sms_data: [DEBIT] }, 'u2', '+00:00');
    } catch (error) {
      expect((error as Error).message).not.toContain('vinod');
      expect((error as Error).message).not.toContain('3028');
    }
  });
});
