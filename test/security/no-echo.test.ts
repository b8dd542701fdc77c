import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { post } from './security-support';

const EMAIL = 'echo-probe.person@example.test';
const PHONE = '+15032246019';
/** The phone number's digits alone: found in any format (a number, a string, with or without `+`). */
const PHONE_DIGITS = '5032246019';

const SHAPES: Array<[string, string, Record<string, unknown> | undefined, string]> = [
  // [what, query, variables, expected message]
  ['an e-mail as an Int variable', 'query($v: Int) { customerSignals(id: "echo-1") { finboxPredictors(version: $v) { status } } }', { v: EMAIL }, 'Variable "$v" got invalid value; Int cannot represent non-integer value.'],
  ['a phone number as an Int variable', 'query($v: Int) { customerSignals(id: "echo-1") { finboxPredictors(version: $v) { status } } }', { v: PHONE }, 'Variable "$v" got invalid value; Int cannot represent non-integer value.'],
  ['a phone number (as a number) as a String variable', 'query($s: String) { customerSignals(id: "echo-1") { credolabScore(referenceNumber: $s) { status } } }', { s: Number(PHONE) }, 'Variable "$s" got invalid value; String cannot represent a non string value.'],
  ['an e-mail as an inline Int literal', `{ customerSignals(id: "echo-1") { finboxPredictors(version: "${EMAIL}") { status } } }`, undefined, 'Int cannot represent non-integer value.'],
  ['a phone number as an inline Int literal', `{ customerSignals(id: "echo-1") { finboxPredictors(version: "${PHONE}") { status } } }`, undefined, 'Int cannot represent non-integer value.'],
  ['an e-mail as an inline DateTime literal', `{ customerSignals(id: "echo-1") { extractedSms(filter: { receivedAfter: "${EMAIL}" }) { totalCount } } }`, undefined, 'DateTime cannot represent the value given.'],
  ['a phone number as a DateTime variable', 'query($f: SmsFilter) { customerSignals(id: "echo-1") { extractedSms(filter: $f) { totalCount } } }', { f: { receivedAfter: PHONE } }, 'Variable "$f" got invalid value at "f.receivedAfter"; DateTime cannot represent the value given.'],
  ['an e-mail as an input object literal', `{ customerSignals(id: "echo-1") { credolabScore { fraudCheck(rulesetId: "r", accountCode: "a", transactionInsight: "${EMAIL}") { status } } } }`, undefined, 'Expected value of type "TransactionInsightInput".'],
  ['an e-mail as an input object variable', 'query($t: TransactionInsightInput) { customerSignals(id: "echo-1") { credolabScore { fraudCheck(rulesetId: "r", accountCode: "a", transactionInsight: $t) { status } } } }', { t: EMAIL }, 'Variable "$t" got invalid value; Expected type "TransactionInsightInput" to be an object.'],
  ['an e-mail as an unknown input field', 'query($f: SmsFilter) { customerSignals(id: "echo-1") { extractedSms(filter: $f) { totalCount } } }', { f: { [EMAIL]: PHONE } }, 'Variable "$f" got invalid value; A field is not defined by type "SmsFilter".'],
  ['an e-mail where the parser expects a name', `{ customerSignals(id: "echo-1") { id "${EMAIL}" } }`, undefined, 'Syntax Error: Expected Name, found String.'],
];

/**
 * Issue 19 item 5: graphql-js quoted the value a client sent in validation and coercion messages. An
 * e-mail and a phone number sent as bad values, as variables and as inline literals, must appear nowhere
 * in the response, while the message still says what was wrong.
 */
describe('no input value is echoed in an error', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());

  it.each(SHAPES)('%s: refused with its meaning, without the value', async (_what, query, variables, message) => {
    const res = await post(subgraph.url, JSON.stringify({ query, variables }));
    expect(res.json?.errors?.[0]?.message).toBe(message);
    expect(res.json?.errors?.[0]?.extensions?.retryable).toBe(false);
    expect(res.text).not.toContain(EMAIL);
    expect(res.text).not.toContain(EMAIL.split('@')[0]);
    expect(res.text).not.toContain(PHONE_DIGITS);
  });

  it('sends the values through a path that does answer (the control: the needles do leave when asked for)', async () => {
    const res = await post(subgraph.url, JSON.stringify({ query: `{ customerSignals(id: "echo-1") { id } e: customerSignals(id: "${PHONE_DIGITS}") { id } }` }));
    expect(res.text).toContain(PHONE_DIGITS);
  });
});
