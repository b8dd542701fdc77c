import { parseCredeauTime, toDeviceInsights } from '../../src/datasources/credeau/credeau.mapper';
import { VendorError } from '../../src/errors';

describe('Credeau mapper', () => {
  const completed = {
    user_id: 'u1', request_id: 'r1', data_requested_time: '2025-06-04 08:47:47',
    all_sms_count_nlp: 188, txn_sms_count_nlp: 97, empty_feature: null,
    message: 'featurization completed', data_processed_time: '2025-06-04 08:47:50',
  };

  it('splits metadata from features without copying them', () => {
    const record = toDeviceInsights(completed, 'u1', '+00:00');
    expect(record.status).toBe('COMPLETE');
    expect(record.requestId).toBe('r1');
    expect(record.requestedAt?.toISOString()).toBe('2025-06-04T08:47:47.000Z');
    expect(record.processedAt?.toISOString()).toBe('2025-06-04T08:47:50.000Z');
    expect(record.features.count).toBe(3);
    expect(record.features.get('all_sms_count_nlp')).toBe(188);
    expect(record.features.get('message')).toBeNull();
    expect(record.features.list(['txn_sms_count_nlp', 'request_id', 'missing'])).toEqual([{ name: 'txn_sms_count_nlp', value: 97 }]);
  });

  it('maps "user not found" to NOT_FOUND with no features', () => {
    const record = toDeviceInsights({ user_id: 'u1', message: 'user not found' }, 'u1', '+00:00');
    expect(record.status).toBe('NOT_FOUND');
    expect(record.features.count).toBe(0);
  });

  it('refuses a body about another user, an unknown message, or a non-object', () => {
    for (const [body, id] of [[completed, 'u2'], [{ ...completed, message: 'what?' }, 'u1'], [[1, 2], 'u1'], [null, 'u1']] as const) {
      expect(() => toDeviceInsights(body, id, '+00:00')).toThrow(VendorError);
    }
  });

  it('reads zone-less timestamps in the configured offset', () => {
    expect(parseCredeauTime('2025-06-04 08:47:47', '+05:30')?.toISOString()).toBe('2025-06-04T03:17:47.000Z');
    expect(parseCredeauTime('not a time', '+00:00')).toBeNull();
    expect(parseCredeauTime(undefined, '+00:00')).toBeNull();
  });
});
