import { SealedBox } from '../../src/store/sealed-box';

const box = new SealedBox(Buffer.alloc(32, 3).toString('base64'));

describe('SealedBox', () => {
  it('opens what it sealed under the same key name, and the sealed bytes do not show the plaintext', () => {
    const plaintext = Buffer.from('{"feature":"sms_count_salary_30d","value":3}');
    const sealed = box.seal('signals:v1:credeau:{c-1}', plaintext);
    expect(sealed.includes(Buffer.from('sms_count_salary_30d'))).toBe(false);
    expect(box.open('signals:v1:credeau:{c-1}', sealed)?.toString()).toBe(plaintext.toString());
  });

  it('refuses a value moved onto another key name (another customer)', () => {
    const sealed = box.seal('signals:v1:credeau:{c-1}', Buffer.from('x'));
    expect(box.open('signals:v1:credeau:{c-2}', sealed)).toBeUndefined();
  });

  it('refuses tampered, truncated or foreign-key values', () => {
    const sealed = box.seal('k', Buffer.from('hello'));
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
    expect(box.open('k', tampered)).toBeUndefined();
    expect(box.open('k', sealed.subarray(0, 10))).toBeUndefined();
    expect(new SealedBox(Buffer.alloc(32, 4).toString('base64')).open('k', sealed)).toBeUndefined();
  });
});
