import { assertFraudCheckArguments, assertReferenceNumber } from '../../src/datasources/credolab/credolab.input';

describe('Credolab input checks', () => {
  it.each(['12345678', 'cust-1', 'a/b c', 'x'.repeat(128), '...'])('accepts reference number %j (it is encoded into the path)', (ref) => {
    expect(() => assertReferenceNumber(ref)).not.toThrow();
  });

  it.each(['', '.', '..', ' padded', 'x'.repeat(129), 'line\nbreak'])('rejects reference number %j', (ref) => {
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
