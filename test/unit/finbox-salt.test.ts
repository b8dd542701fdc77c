import { finboxSalt } from '../../src/datasources/finbox/finbox.salt';
import { expectedFinboxSalt } from '../../src/simulators/finbox/finbox.simulator';

/** FinBox's published test vector (vendor-docs/NOTES.md). */
const VECTOR = {
  customerId: '82169C6312B50CA8233482169F9F288F812B5C02114A6A74E9A62',
  serverHash: '5f8cd80c69a34b9785dc66298eabe95b',
  salt: 'Ki4WO2bbzYOL1tEi4XA46Q8rpcC2yilTZMhOGXRsqOQ=',
};

describe('FinBox salt', () => {
  it("reproduces FinBox's published test vector", () => {
    expect(finboxSalt(VECTOR.customerId, VECTOR.serverHash)).toBe(VECTOR.salt);
  });

  it('is the simulator\'s independently written check too, so the simulator rejects what FinBox rejects', () => {
    expect(expectedFinboxSalt(VECTOR.customerId, VECTOR.serverHash)).toBe(VECTOR.salt);
  });

  it('depends on the customer id and on the exact case of the server hash', () => {
    expect(finboxSalt(`${VECTOR.customerId}0`, VECTOR.serverHash)).not.toBe(VECTOR.salt);
    expect(finboxSalt(VECTOR.customerId, VECTOR.serverHash.toUpperCase())).not.toBe(VECTOR.salt);
  });

  it('hashes customer ids as UTF-8 and always yields 32 padded bytes of standard Base64', () => {
    const salt = finboxSalt('kund-ä-1', 'x');
    expect(salt).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(salt, 'base64')).toHaveLength(32);
    expect(salt).toBe(expectedFinboxSalt('kund-ä-1', 'x'));
  });
});
