import type { StoredEntry } from './stored-entry';

/**
 * The header of a stored value in Redis: format (uint8) | retrievedAt (float64) | expiresAt (float64) |
 * evidence id length (uint8) | evidence id (UTF-8), then the descriptor's bytes.
 * The format byte makes a value written before evidence ids (whose first byte is a float64's, 0x42 for
 * any date of this century) a miss rather than a misread.
 */
const FORMAT = 3;
const FIXED_BYTES = 1 + 8 + 8 + 1;
const MAX_ID_BYTES = 255;

export function writeStoredHeader(entry: Pick<StoredEntry<unknown>, 'retrievedAt' | 'expiresAt' | 'evidenceId'>): Buffer {
  const id = Buffer.from(entry.evidenceId ?? '', 'utf8');
  if (id.length > MAX_ID_BYTES) throw new Error('evidence id longer than a stored header holds');
  const header = Buffer.alloc(FIXED_BYTES + id.length);
  header.writeUInt8(FORMAT, 0);
  header.writeDoubleBE(entry.retrievedAt, 1);
  header.writeDoubleBE(entry.expiresAt, 9);
  header.writeUInt8(id.length, 17);
  id.copy(header, FIXED_BYTES);
  return header;
}

/** The header's fields and its length, or undefined when `plaintext` is not a value of this format. */
export function readStoredHeader(plaintext: Buffer): { retrievedAt: number; expiresAt: number; evidenceId: string | undefined; bytes: number } | undefined {
  if (plaintext.length < FIXED_BYTES || plaintext.readUInt8(0) !== FORMAT) return undefined;
  const idBytes = plaintext.readUInt8(17);
  if (plaintext.length < FIXED_BYTES + idBytes) return undefined;
  return {
    retrievedAt: plaintext.readDoubleBE(1),
    expiresAt: plaintext.readDoubleBE(9),
    evidenceId: idBytes === 0 ? undefined : plaintext.toString('utf8', FIXED_BYTES, FIXED_BYTES + idBytes),
    bytes: FIXED_BYTES + idBytes,
  };
}
