import { isUuid } from '@app/database';

/** The 16 raw bytes of a UUID string (how a key id is stored inside a ciphertext). */
export function uuidToBytes(uuid: string): Buffer {
  if (!isUuid(uuid)) throw new Error('Expected a UUID');
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** The canonical lowercase UUID string of 16 raw bytes. */
export function bytesToUuid(bytes: Buffer): string {
  if (bytes.length !== 16) throw new Error('Expected 16 bytes');
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
