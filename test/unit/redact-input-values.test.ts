import { buildSchema, getVariableValues, parse, validate, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { withoutInputValues } from '../../src/plugins/redact-input-values';

const EMAIL = 'unit-probe@example.test';
const PHONE = '+15032246018';

const schema = buildSchema(`
  enum Kind { BANK WALLET }
  input Filter { kind: Kind, count: Int!, ratio: Float, flag: Boolean, name: String, ref: ID }
  input Choice @oneOf { a: String, b: Int }
  type Query { find(filter: Filter, kind: Kind, count: Int, ratio: Float, flag: Boolean, ref: ID, choice: Choice): Int }
`);

/** What graphql-js itself says for a document, and for variables of an operation. */
function validationMessages(query: string): string[] {
  return validate(schema, parse(query)).map((error: GraphQLError) => error.message);
}
function variableMessages(query: string, variables: Record<string, unknown>): string[] {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return 'errors' in result && result.errors ? result.errors.map((error) => error.message) : [];
}

const OPERATION = 'query($f: Filter, $k: Kind, $n: Int, $r: Float, $b: Boolean, $i: ID, $c: Choice) { find(filter: $f, kind: $k, count: $n, ratio: $r, flag: $b, ref: $i, choice: $c) }';

/**
 * Every graphql-js 16 template that quotes an input value, produced by graphql-js itself from an e-mail
 * and a phone number: the rewritten message keeps its meaning and holds neither.
 */
describe('withoutInputValues on graphql-js messages', () => {
  it.each([
    ['Int variable', { n: EMAIL }, 'Variable "$n" got invalid value; Int cannot represent non-integer value.'],
    ['Float variable', { r: PHONE }, 'Variable "$r" got invalid value; Float cannot represent non numeric value.'],
    ['Boolean variable', { b: EMAIL }, 'Variable "$b" got invalid value; Boolean cannot represent a non boolean value.'],
    ['ID variable', { i: { email: EMAIL } }, 'Variable "$i" got invalid value; ID cannot represent value.'],
    ['enum variable', { k: EMAIL }, 'Variable "$k" got invalid value; Value does not exist in "Kind" enum.'],
    ['input field of the wrong type', { f: { count: 1, name: Number(PHONE.slice(1)) } }, 'Variable "$f" got invalid value at "f.name"; String cannot represent a non string value.'],
    ['unknown input field', { f: { count: 1, [EMAIL]: PHONE } }, 'Variable "$f" got invalid value; A field is not defined by type "Filter".'],
    ['missing required input field', { f: { name: EMAIL } }, 'Variable "$f" got invalid value; Field "count" of required type "Int!" was not provided.'],
    ['a scalar where an object belongs', { f: EMAIL }, 'Variable "$f" got invalid value; Expected type "Filter" to be an object.'],
    ['oneOf with two keys', { c: { a: EMAIL, b: 1 } }, 'Variable "$c" got invalid value; Exactly one key must be specified for OneOf type "Choice".'],
  ])('variables: %s', (_what, variables, expected) => {
    const messages = variableMessages(OPERATION, variables);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((message) => message.includes(EMAIL) || message.includes(PHONE.slice(1)))).toBe(true); // graphql-js echoes it
    expect(withoutInputValues(messages[0] as string)).toBe(expected);
  });

  it.each([
    ['Int literal', `{ find(count: "${EMAIL}") }`, 'Int cannot represent non-integer value.'],
    ['Int literal over 32 bits', `{ find(count: ${PHONE.slice(1)}) }`, 'Int cannot represent non 32-bit signed integer value.'],
    ['ID literal', `{ find(ref: 1.5e10) }`, 'ID cannot represent a non-string and non-integer value.'],
    ['enum literal', `{ find(kind: "${EMAIL}") }`, 'Enum "Kind" cannot represent non-enum value.'],
    ['input object literal', `{ find(filter: "${EMAIL}") }`, 'Expected value of type "Filter".'],
    ['string token where a name belongs', `{ find "${EMAIL}" }`, 'Syntax Error: Expected Name, found String.'],
    ['unexpected character', `{ find(ref: ${PHONE}) }`, 'Syntax Error: Unexpected character.'],
  ])('literals: %s', (_what, query, expected) => {
    let messages: string[];
    try {
      messages = validationMessages(query);
    } catch (error) {
      messages = [(error as Error).message];
    }
    expect(messages.length).toBeGreaterThan(0);
    const rewritten = messages.map(withoutInputValues);
    expect(rewritten[0]).toBe(expected);
    expect(rewritten.join('\n')).not.toContain(EMAIL.split('@')[0]);
    expect(rewritten.join('\n')).not.toContain(PHONE.slice(1));
  });

  it('passes messages that quote no value unchanged', () => {
    const message = 'Cannot query field "nope" on type "Query".';
    expect(withoutInputValues(message)).toBe(message);
  });
});
