import { BadUserInputError } from '../../errors';

/**
 * Checks on what we put into Credolab URLs and bodies, made before any call. Messages name the rule,
 * never the value: a fraud check's input carries an e-mail address and a phone number.
 */

// Control characters have no business in an id and would reach the vendor's logs verbatim.
const CONTROL = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex

/**
 * A reference number is whatever the app declared when uploading the dataset; Credolab names no rule.
 * It is percent-encoded into the path, and `.`/`..` (which encoding leaves alone and URL resolution
 * would treat as path steps) are refused, so no reference number can reach another URL.
 */
export function assertReferenceNumber(referenceNumber: string): void {
  if (
    referenceNumber.length === 0 ||
    referenceNumber.length > 128 ||
    referenceNumber.trim() !== referenceNumber ||
    CONTROL.test(referenceNumber) ||
    isDotSegment(referenceNumber)
  ) {
    throw new BadUserInputError(
      'Credolab: referenceNumber must be 1-128 characters without surrounding spaces or control characters, and not "." or ".."',
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
