import { seededRandom, stableHash } from '../simulator-server';

/**
 * Deterministic extracted-SMS records per user id, shaped like Credeau's documented samples: newest
 * first, bank debits and credits fully extracted, notifications classified but not extracted, some
 * messages unclassified with only a few keys. All names, digits and texts are invented.
 */
const BANKS = [
  { sender: 'sbiupi', name: 'state bank of india' },
  { sender: 'hdfcbk', name: 'hdfc bank' },
  { sender: 'icicib', name: 'icici bank' },
  { sender: 'axisbk', name: 'axis bank' },
  { sender: 'pnbsms', name: 'punjab national bank' },
] as const;
const PARTIES = ['asha verma', 'ravi patel', 'green grocers', 'city power co', 'meena iyer', 'quick cabs'] as const;
const MERCHANTS = [
  { sender: 'amazon', name: 'amazon', type: 'merchant' },
  { sender: 'airtel', name: 'airtel', type: 'telecom' },
  { sender: 'swiggy', name: 'swiggy', type: 'merchant' },
] as const;
const KINDS = ['debit', 'credit', 'notification', 'declined', 'promotional', 'otp'] as const;
type Kind = (typeof KINDS)[number];

export type SimulatedSms = Record<string, unknown>;

/** `count` records for `userId`, the same every time for the same arguments. */
export function smsRecordsFor(userId: string, clientId: string, count: number): SimulatedSms[] {
  const seed = stableHash(userId);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const requestId = `${seed.toString(16).padStart(8, '0')}${'0'.repeat(24)}`;
  let receivedAt = Date.UTC(2025, 8, 22, 16, 27, 1);
  const records: SimulatedSms[] = [];
  for (let i = 0; i < count; i++) {
    receivedAt -= Math.floor(1 + random() * 600) * 60_000; // newest first, minutes to hours apart
    const common = {
      _id: `${seed.toString(16).padStart(8, '0')}${i.toString(16).padStart(16, '0')}`,
      user_id: userId,
      client_id: clientId,
      request_id: requestId,
      sms_id: String(100_000 - i),
      sms_inbox_date: credeauStamp(receivedAt),
      created_at: '2025-09-26 07:34:29',
      created_date: '2025-09-26',
    };
    records.push({ ...common, ...kindFields(pick(KINDS), pick, random, receivedAt) });
  }
  return records;
}

function kindFields(kind: Kind, pick: <T>(items: readonly T[]) => T, random: () => number, at: number): SimulatedSms {
  const bank = pick(BANKS);
  const digits = String(1000 + Math.floor(random() * 9000));
  const amount = Math.round(random() * 2_500_000) / 100;
  const party = pick(PARTIES);
  const pan = (last: string) => `bank | ${bank.name} | ${last}`;
  switch (kind) {
    case 'debit':
    case 'credit': {
      const debit = kind === 'debit';
      return {
        sms_sender: bank.sender,
        sms_body: `dear customer a/c x${digits} ${debit ? 'debited' : 'credited'} by ${amount.toFixed(1)} on ${shortDate(at)} ` +
          `${debit ? 'trf to' : 'from'} ${party} refno ${Math.floor(random() * 1e12)} -sim`,
        is_classified: true, is_extracted: true,
        account_last_digits: digits, transaction: amount, transaction_party: party,
        sms_sub_type: 'bank', sms_type: debit ? 'account_debit_executed' : 'account_credit_executed',
        sender_name: bank.name, sender_type: 'bank',
        sms_nlp_tag: debit ? 'account_debit_executed_transfer_out' : 'account_credit_executed_transfer_in',
        unique_pan: pan(digits.slice(-2)), is_transactional: true,
        transaction_type: debit ? 'debit-transaction' : 'credit-transaction',
        acc_number_nlp: `x${digits}`, transaction_nlp: amount, unique_pan_nlp: pan(digits.slice(-2)),
      };
    }
    case 'notification':
      return {
        sms_sender: bank.sender,
        sms_body: `you have successfully registered for upi payment on ${bank.name}. do not share your otp with anyone -sim`,
        template_hash: `1866580b-277c-4391-be9f-${digits}a54891c8`,
        is_classified: true, is_extracted: false,
        sms_sub_type: 'not_in_the_list', sms_type: 'not_in_the_list',
        sender_name: bank.name, sender_type: 'bank', sms_nlp_tag: 'other_notification_bank',
        is_transactional: false, unique_pan_nlp: pan('-1'),
      };
    case 'declined':
      return {
        sms_sender: bank.sender,
        sms_body: `txn of rs. ${amount.toFixed(0)} using card ${digits} declined due to incorrect pin attempts -sim`,
        is_classified: false, is_extracted: false,
        sender_name: bank.name, sender_type: 'bank', sms_nlp_tag: 'transaction_delined',
        is_transactional: false, unique_pan_nlp: pan('-1'),
      };
    case 'promotional': {
      const merchant = pick(MERCHANTS);
      return {
        sms_sender: merchant.sender,
        sms_body: `big sale at ${merchant.name}: up to ${Math.floor(random() * 80)}% off this weekend -sim`,
        is_classified: true, is_extracted: false,
        sms_sub_type: merchant.type, sms_type: 'promotional',
        sender_name: merchant.name, sender_type: merchant.type, sms_nlp_tag: 'promotional_offer',
        is_transactional: false,
      };
    }
    case 'otp':
      return {
        sms_sender: bank.sender,
        sms_body: `${Math.floor(100000 + random() * 900000)} is your one time password. valid for 10 minutes -sim`,
        is_classified: true, is_extracted: false,
        sms_sub_type: 'bank', sms_type: 'otp', sender_name: bank.name, sender_type: 'bank',
        sms_nlp_tag: 'otp', is_transactional: false,
      };
  }
}

/**
 * Records with keys missing or mistyped, as thin or odd vendor output looks: one empty object, one
 * with only an id, one with an amount as a string and a numeric sms_id, then complete records with
 * every other key dropped at random.
 */
export function sparseSmsRecordsFor(userId: string, clientId: string): SimulatedSms[] {
  const random = seededRandom(stableHash(`${userId}/sparse`));
  const [first, second, ...rest] = smsRecordsFor(userId, clientId, 12) as [SimulatedSms, SimulatedSms, ...SimulatedSms[]];
  const thinned = rest.map((record) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => key === 'user_id' || random() < 0.5)),
  );
  return [{}, { _id: first._id }, { ...second, transaction: '80.0', sms_id: 1345 }, ...thinned];
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, Credeau's zone-less format. */
function credeauStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

function shortDate(epochMs: number): string {
  const d = new Date(epochMs);
  const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][d.getUTCMonth()];
  return `${String(d.getUTCDate()).padStart(2, '0')}${month}${String(d.getUTCFullYear()).slice(2)}`;
}
