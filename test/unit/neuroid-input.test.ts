import { assertNeuroidId, isNeuroidId } from '../../src/datasources/neuroid/neuroid.input';
import { BadUserInputError } from '../../src/errors';

describe("NeuroID's id rule (3-100 of [A-Za-z0-9-_.])", () => {
  it.each(['abc', 'MY-USER-ID', 'example-response-1', 'form_neuro100', 'a.b_c-d', '...', 'x'.repeat(100), '3f1c9b2e-6c1a-4a8e-9a55-0c1f8e4d2b7a'])(
    'accepts %s',
    (id) => expect(isNeuroidId(id)).toBe(true),
  );

  it.each(['ab', '..', '.', 'x'.repeat(101), 'a/b', '../profiles/x', 'has space', 'jane@example.com', 'a%2Fb', 'é-accent', 'tab\there', ''])(
    'rejects %j',
    (id) => expect(isNeuroidId(id)).toBe(false),
  );

  it('throws BAD_USER_INPUT naming the rule and never the value', () => {
    expect(() => assertNeuroidId('jane@example.com', 'customer id')).toThrow(BadUserInputError);
    try {
      assertNeuroidId('jane@example.com', 'siteId');
    } catch (error) {
      expect((error as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', vendor: 'NEUROID' });
      expect((error as Error).message).toMatch(/siteId must be 3-100 characters/);
      expect((error as Error).message).not.toContain('jane');
    }
  });
});
