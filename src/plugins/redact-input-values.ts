/**
 * graphql-js quotes the value a client sent in its validation and coercion messages
 * (`Variable "$v" got invalid value "jane@example.com"; Int cannot represent non-integer value: "jane@..."`),
 * so an e-mail or a phone number sent in the wrong place came back in `message`, into every log and error
 * tracker on the way. `withoutInputValues` rewrites the messages that carry a value into the same sentence
 * without it. It never copies text after a value: the rewritten message is built only from the template's
 * fixed words and the names it captures (GraphQL names, type references, input paths), so a value that
 * imitates a template still cannot reach the output. Messages that carry no value (unknown field, missing
 * argument, ...) pass unchanged. Written against graphql-js 16's message templates.
 */

/** A GraphQL name, a type reference (`[ID!]!`), an input path (`filter.smsType[0]`). */
const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const TYPE = '[_0-9A-Za-z[\\]!]+';
const PATH = '[_0-9A-Za-z.[\\]]+';

/**
 * graphql-js's scalars' reasons, each followed by `: <value>` in the original. Any other scalar (DateTime,
 * custom ones) says "cannot represent" in its own words, often with the value inside: only its name is kept.
 */
const SCALAR_REASON = new RegExp(
  `(${NAME}) cannot represent (non-integer value|non 32-bit signed integer value|non numeric value|a non string value|a non boolean value|a non-string and non-integer value|value): `,
);
const ANY_SCALAR_REASON = new RegExp(`(${NAME}) cannot represent `);
const SCALAR_LITERAL = new RegExp(`^${NAME} cannot represent `);

/** Why a value did not fit its type, from graphql-js's coercion and literal-parsing templates. */
function reason(text: string): string | undefined {
  let match: RegExpExecArray | null;
  if ((match = new RegExp(`Enum "(${NAME})" cannot represent (non-string|non-enum) value`).exec(text))) return `Enum "${match[1]}" cannot represent ${match[2]} value.`;
  if ((match = new RegExp(`does not exist in "(${NAME})" enum`).exec(text))) return `Value does not exist in "${match[1]}" enum.`;
  if ((match = new RegExp(`Expected non-nullable type "(${TYPE})" not to be null`).exec(text))) return `Expected non-nullable type "${match[1]}" not to be null.`;
  if ((match = new RegExp(`Expected type "(${NAME})" to be an object`).exec(text))) return `Expected type "${match[1]}" to be an object.`;
  if ((match = new RegExp(`Field "(${NAME})" of required type "(${TYPE})" was not provided`).exec(text))) return `Field "${match[1]}" of required type "${match[2]}" was not provided.`;
  if ((match = new RegExp(`is not defined by type "(${NAME})"`).exec(text))) return `A field is not defined by type "${match[1]}".`;
  if ((match = new RegExp(`Exactly one key must be specified for OneOf type "(${NAME})"`).exec(text))) return `Exactly one key must be specified for OneOf type "${match[1]}".`;
  if ((match = new RegExp(`Field "(${NAME})" must be non-null`).exec(text))) return `Field "${match[1]}" must be non-null.`;
  if ((match = SCALAR_REASON.exec(text))) return `${match[1]} cannot represent ${match[2]}.`;
  if ((match = ANY_SCALAR_REASON.exec(text))) return `${match[1]} cannot represent the value given.`;
  if ((match = new RegExp(`Expected type "(${NAME})"`).exec(text))) return `Expected type "${match[1]}".`;
  return undefined;
}

const VARIABLE = new RegExp(`^Variable "\\$(${NAME})" got invalid value `);
const VARIABLE_PATH = new RegExp(` at "(${PATH})"; `);
const EXPECTED_LITERAL = new RegExp(`^Expected value of type "(${TYPE})", found `);
const ARGUMENT = new RegExp(`^Argument "(${NAME})" has invalid value `);
const ENUM_LITERAL = new RegExp(`^(Enum "${NAME}" cannot represent non-(?:string|enum) value: |Value ".*" does not exist in "${NAME}" enum\\.)`, 's');
/** A token description at the end of a syntax error: `Name "jane"`, `String "jane@example.com"`. */
const TOKEN_VALUE = /\b(Name|Int|Float|String|BlockString|Comment) "[\s\S]*"(\.| is reserved and cannot be used for an enum value\.)$/;
/** Lexer errors end in the offending character or escape: `Unexpected character: "@".` */
const LEXER_DETAIL = /^(Syntax Error: [A-Za-z ,]+): [\s\S]*$/;

/** The message without any input value it quoted. */
export function withoutInputValues(message: string): string {
  let match: RegExpExecArray | null;
  if ((match = VARIABLE.exec(message))) {
    const rest = message.slice(match[0].length);
    const path = VARIABLE_PATH.exec(rest)?.[1];
    const why = reason(rest);
    return `Variable "$${match[1]}" got invalid value${path ? ` at "${path}"` : ''}${why ? `; ${why}` : '.'}`;
  }
  if ((match = EXPECTED_LITERAL.exec(message))) return `Expected value of type "${match[1]}".`;
  if ((match = ARGUMENT.exec(message))) return `Argument "${match[1]}" has invalid value.`;
  if (SCALAR_LITERAL.test(message)) return reason(message) ?? message;
  if (ENUM_LITERAL.test(message)) return reason(message) ?? 'Invalid enum value.';
  if (message.startsWith('Syntax Error: ')) return message.replace(TOKEN_VALUE, '$1$2').replace(LEXER_DETAIL, '$1.');
  return message;
}
