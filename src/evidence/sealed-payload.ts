import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** What a record seals besides its columns: whose answer, to which arguments, with the vendor's own id and body. */
export interface EvidencePayload {
  customerId: string;
  arguments: Record<string, unknown>;
  vendorRequestId: string | null;
  /** The vendor's body exactly as received. */
  body: Buffer;
}

/** Layout version 1: format byte | uint32 header length | header JSON | deflated body. */
const FORMAT = 1;
const HEAD_BYTES = 5;

/**
 * The plaintext of a sealed record. The body is deflated before it is sealed (ciphertext does not
 * compress, and a Credeau answer's ~94 KB of feature JSON deflates several times over), and kept as bytes,
 * not as base64 inside JSON (a third larger). Compression runs on libuv's pool, off the event loop.
 * Compressing before encrypting leaks only the compressed length, to someone who can already read the
 * table: no request of theirs is mixed into what is sealed.
 */
export async function encodePayload(payload: EvidencePayload, compressionLevel: number): Promise<Buffer> {
  const header = Buffer.from(JSON.stringify({ customerId: payload.customerId, arguments: payload.arguments, vendorRequestId: payload.vendorRequestId }), 'utf8');
  const head = Buffer.alloc(HEAD_BYTES);
  head.writeUInt8(FORMAT, 0);
  head.writeUInt32BE(header.length, 1);
  return Buffer.concat([head, header, await deflate(payload.body, { level: compressionLevel })]);
}

/** The payload back, or undefined when `plain` is not of this layout. */
export async function decodePayload(plain: Buffer): Promise<EvidencePayload | undefined> {
  if (plain.length < HEAD_BYTES || plain.readUInt8(0) !== FORMAT) return undefined;
  const headerEnd = HEAD_BYTES + plain.readUInt32BE(1);
  if (headerEnd > plain.length) return undefined;
  const header = JSON.parse(plain.toString('utf8', HEAD_BYTES, headerEnd)) as Omit<EvidencePayload, 'body'>;
  return { ...header, body: await inflate(plain.subarray(headerEnd)) };
}
