import { GraphQLError } from 'graphql';
import pino from 'pino';
import { credeauVendor } from '../../src/datasources/credeau/credeau.vendor';
import { BadUserInputError, VendorError } from '../../src/errors';
import { maskUnexpectedErrors } from '../../src/plugins/mask-errors';

const format = maskUnexpectedErrors(pino({ level: 'silent' }));
const formatted = (error: GraphQLError) => format(error.toJSON(), error);

describe('maskUnexpectedErrors', () => {
  it('passes vendor and input errors with their codes', () => {
    // The message spells the vendor by its descriptor's label, known once the descriptor is loaded.
    const vendor = new VendorError(credeauVendor.name, 'VENDOR_TIMEOUT', 'request timed out');
    expect(formatted(vendor)).toMatchObject({
      message: 'Credeau: request timed out',
      extensions: { code: 'VENDOR_TIMEOUT', vendor: 'CREDEAU', retryable: true },
    });
    const input = new BadUserInputError('bad id');
    expect(formatted(input).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('replaces anything unexpected by a generic INTERNAL_SERVER_ERROR that quotes nothing', () => {
    const leak = new GraphQLError('Unexpected token < in {"sms_body":"Rs 5000 credited"}', {
      originalError: new SyntaxError('Unexpected token'),
      path: ['customerSignals', 'deviceInsights'],
    });
    const out = formatted(leak);
    expect(out).toEqual({ message: 'Internal server error', locations: undefined, path: ['customerSignals', 'deviceInsights'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('does not let a resolver smuggle a message out by claiming a request error code', () => {
    const sneaky = new GraphQLError('vendor said: secret', { extensions: { code: 'BAD_USER_INPUT' }, path: ['x'], originalError: new Error('secret') });
    expect(formatted(sneaky).message).toBe('Internal server error');
  });

  it('passes any refusal carrying http status 4xx, whatever its code, with retryable:false (no list of refusal codes)', () => {
    const refusal = new GraphQLError('answer would exceed the limit', { extensions: { code: 'SOME_FUTURE_LIMIT', http: { status: 400 } } });
    expect(formatted(refusal)).toMatchObject({ message: 'answer would exceed the limit', extensions: { code: 'SOME_FUTURE_LIMIT', retryable: false } });
    const validation = new GraphQLError('Cannot query field "x" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatted(validation).extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', retryable: false });
  });

  it('still masks a resolver error that claims a 4xx status', () => {
    const sneaky = new GraphQLError('vendor said: secret', { extensions: { code: 'X', http: { status: 400 } }, path: ['x'] });
    expect(formatted(sneaky).message).toBe('Internal server error');
  });
});
