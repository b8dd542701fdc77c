import { BadUserInputError } from '../../errors';

/**
 * Checks on what we put into Credolab URLs and bodies, made before any call. Messages name the rule,
 * never the value: a fraud check's input carries an e-mail address and a phone number.
 */

// Control characters have no business in an id and would reach the vendor's logs verbatim.
const CONTROL = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex

/**
 * A reference number is whatever the app declared when uploading the dataset; Credolab names no rule, so
 * we hold it to the other vendors' kind of id: 1-128 of letters, digits, `.`, `_`, `:` and `-`. That keeps
 * it a single URL path segment (no `/`, `?`, `#`, `%`) and keeps personal data out of Credolab's URLs:
 * an e-mail (`@`) or a phone number (`+`, spaces, or 7 or more digits with nothing but `-`, `.`, `(`, `)`
 * between them) is refused, and so are `.`/`..`, which URL resolution would treat as path steps.
 */
const REFERENCE_NUMBER = /^[A-Za-z0-9._:-]{1,128}$/;
const PHONE_LIKE = /^[0-9().-]+$/;

export function isReferenceNumber(referenceNumber: string): boolean {
  return (
    REFERENCE_NUMBER.test(referenceNumber) &&
    !isDotSegment(referenceNumber) &&
    !(PHONE_LIKE.test(referenceNumber) && referenceNumber.replace(/[^0-9]/g, '').length >= 7)
  );
}

export function assertReferenceNumber(referenceNumber: string): void {
  if (!isReferenceNumber(referenceNumber)) {
    throw new BadUserInputError(
      'Credolab: referenceNumber must be 1-128 characters of letters, digits, ".", "_", ":" or "-", not "." or "..", ' +
        'and not an e-mail address or a phone number',
      'CREDOLAB',
    );
  }
}

export interface FraudCheckArguments {
  rulesetId: string;
  accountCode: string;
  transactionInsight?: { email?: string | null; eventId?: string | null; mobilePhoneNumber?: string | null } | null;
}

const RULESET_ID = /^[A-Za-z0-9._-]{1,100}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{3,30}$/;

export function assertFraudCheckArguments(args: FraudCheckArguments): void {
  const problems: string[] = [];
  if (!RULESET_ID.test(args.rulesetId) || isDotSegment(args.rulesetId)) {
    problems.push('rulesetId must be 1-100 characters of letters, digits, ".", "-" or "_"');
  }
  if (!isPlainText(args.accountCode, 256)) problems.push('accountCode must be 1-256 characters without control characters');
  const insight = args.transactionInsight;
  if (insight?.email != null && !(insight.email.length <= 254 && EMAIL.test(insight.email))) {
    problems.push('transactionInsight.email must be an e-mail address');
  }
  if (insight?.mobilePhoneNumber != null && !PHONE.test(insight.mobilePhoneNumber)) {
    problems.push('transactionInsight.mobilePhoneNumber must be a phone number (digits, optional leading +)');
  }
  if (insight?.eventId != null && !isPlainText(insight.eventId, 256)) {
    problems.push('transactionInsight.eventId must be 1-256 characters without control characters');
  }
  if (problems.length > 0) throw new BadUserInputError(`Credolab fraud check: ${problems.join('; ')}`, 'CREDOLAB');
}

function isPlainText(value: string, maxLength: number): boolean {
  return value.trim().length > 0 && value.length <= maxLength && !CONTROL.test(value);
}

function isDotSegment(value: string): boolean {
  return value === '.' || value === '..';
}
