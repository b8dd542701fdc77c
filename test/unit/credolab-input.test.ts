import { assertFraudCheckArguments, assertReferenceNumber } from '../../src/datasources/credolab/credolab.input';

describe('Credolab input checks', () => {
  it.each(['123456', 'cust-1', 'ref:2024.01_a', 'x'.repeat(128), '...'])('accepts reference number %j', (ref) => {
    expect(() => assertReferenceNumber(ref)).not.toThrow();
  });

  it.each([
    '', '.', '..', ' padded', 'x'.repeat(129), 'line\nbreak', 'a/b', 'a?b', 'a#b', 'a%2Fb', 'a b',
    'jane@example.com', '+919876543210', '9876543210', '98765-43210', '(503) 224-6010', '503.224.6010',
  ])('rejects reference number %j', (ref) => {
    expect(() => assertReferenceNumber(ref)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', vendor: 'CREDOLAB' }) }));
  });

  it('accepts a complete fraud check and one without insight', () => {
    expect(() => assertFraudCheckArguments({ rulesetId: 'Default', accountCode: 'acc-1', transactionInsight: { email: 'jane@example.com', eventId: 'ev-1', mobilePhoneNumber: '+15032246010' } })).not.toThrow();
    expect(() => assertFraudCheckArguments({ rulesetId: 'default', accountCode: 'acc-1' })).not.toThrow();
  });

  it('lists every problem without echoing the e-mail or phone number', () => {
    let message = '';
    try {
      assertFraudCheckArguments({ rulesetId: '../x', accountCode: ' ', transactionInsight: { email: 'jane-at-example', mobilePhoneNumber: 'call 555-0100 jane' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/rulesetId.*accountCode.*email.*mobilePhoneNumber/);
    expect(message).not.toMatch(/jane|555/);
  });
});
