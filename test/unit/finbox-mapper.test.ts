import { parseFinboxTime, toFinboxPredictors } from '../../src/datasources/finbox/finbox.mapper';
import { InsightStatus } from '../../src/types/insight-status.type';
import { codeOf } from '../support/vendor-error-code';

const EXPECTED = { customerId: 'A145BC6312B50CA2B58233288F81C02114A6A74E9A62482169F9F', version: 3 };

/** FinBox's documented sample bodies, as on its page. */
const COMPLETE = {
  customer_id: EXPECTED.customerId,
  request_id: 'abcd-def-dfdf-jjj1',
  date_requested: '2019-01-03T06:37:44:003',
  date_processed: '2018-12-12T01:01:57:221',
  status: 'complete',
  message: 'data processed successfully',
  data: [
    { name: 'dc_sms_count_30d', value: 42 },
    { name: 'dc_app_categories', value: { lending: 2 } },
    { name: 'dc_missing_value' },
    { value: 'no name: skipped' },
    { name: '__proto__', value: 'just a name' },
  ],
};


describe('toFinboxPredictors', () => {
  it('maps a complete answer: status, ids, timestamps, predictors by name in FinBox order', () => {
    const record = toFinboxPredictors(COMPLETE, 200, EXPECTED, '+00:00');
    expect(record).toMatchObject({ status: InsightStatus.COMPLETE, requestId: 'abcd-def-dfdf-jjj1', version: 3 });
    expect(record.requestedAt?.toISOString()).toBe('2019-01-03T06:37:44.003Z');
    expect(record.processedAt?.toISOString()).toBe('2018-12-12T01:01:57.221Z');
    expect(record.predictors.list()).toEqual([
      { name: 'dc_sms_count_30d', value: 42 },
      { name: 'dc_app_categories', value: { lending: 2 } },
      { name: 'dc_missing_value', value: null },
      { name: '__proto__', value: 'just a name' },
    ]);
    expect(record.predictors.get('__proto__')).toBe('just a name');
    expect(record.predictors.get('constructor')).toBeNull();
  });

  it.each([
    ['no_data', InsightStatus.NO_DATA],
    ['not_found', InsightStatus.NOT_FOUND],
    ['in_progress', InsightStatus.IN_PROGRESS],
  ])('maps status %s to %s with no predictors', (status, expected) => {
    const record = toFinboxPredictors({ ...COMPLETE, status, data: null }, 200, EXPECTED, '+00:00');
    expect(record.status).toBe(expected);
    expect(record.predictors.count).toBe(0);
  });

  it('treats any 202 as in progress, with the keys FinBox sends then', () => {
    const record = toFinboxPredictors(
      { customer_id: EXPECTED.customerId, request_id: 'r', date_requested: '2019-01-03T06:37:44:003', status: 'in_progress', message: 'wait' },
      202, EXPECTED, '+00:00',
    );
    expect(record).toMatchObject({ status: InsightStatus.IN_PROGRESS, processedAt: null });
  });

  it('refuses an answer about another customer, an unknown status, a non-object and a non-list data', () => {
    expect(codeOf(() => toFinboxPredictors({ ...COMPLETE, customer_id: 'someone-else' }, 200, EXPECTED, '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
    expect(codeOf(() => toFinboxPredictors({ ...COMPLETE, status: 'done' }, 200, EXPECTED, '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
    expect(codeOf(() => toFinboxPredictors([COMPLETE], 200, EXPECTED, '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
    expect(codeOf(() => toFinboxPredictors({ ...COMPLETE, data: 'x' }, 200, EXPECTED, '+00:00'))).toBe('VENDOR_BAD_RESPONSE');
  });

  it('accepts answers without the nullable keys', () => {
    const record = toFinboxPredictors({ status: 'complete', message: 'ok' }, 200, EXPECTED, '+00:00');
    expect(record).toMatchObject({ status: InsightStatus.COMPLETE, requestId: null, requestedAt: null, processedAt: null });
    expect(record.predictors.count).toBe(0);
  });
});

describe('parseFinboxTime', () => {
  it('reads FinBox\'s milliseconds-after-a-colon format, in UTC by default', () => {
    expect(parseFinboxTime('2019-01-03T06:37:44:003', '+00:00')?.toISOString()).toBe('2019-01-03T06:37:44.003Z');
    expect(parseFinboxTime('2019-01-03T06:37:44:3', '+00:00')?.toISOString()).toBe('2019-01-03T06:37:44.003Z');
    expect(parseFinboxTime('2019-01-03T06:37:44', '+00:00')?.toISOString()).toBe('2019-01-03T06:37:44.000Z');
  });

  it('applies the configured offset when the vendor sends no zone', () => {
    expect(parseFinboxTime('2019-01-03T06:37:44:003', '+05:30')?.toISOString()).toBe('2019-01-03T01:07:44.003Z');
  });

  it('also reads ISO timestamps, where digits after a dot are a fraction', () => {
    expect(parseFinboxTime('2019-01-03T06:37:44.5Z', '+05:30')?.toISOString()).toBe('2019-01-03T06:37:44.500Z');
  });

  it.each([null, undefined, 42, '', 'yesterday', '2019-13-03T06:37:44:003', '2019-01-03T06:37:44:0031'])(
    'answers null for %p instead of failing',
    (value) => {
      expect(parseFinboxTime(value, '+00:00')).toBeNull();
    },
  );
});
