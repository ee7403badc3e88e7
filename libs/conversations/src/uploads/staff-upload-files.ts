import { SERVED_CONTENT_TYPES } from '../attachment-files.js';

/**
 * What staff may upload to send to a patient (files out). Kept to documents and pictures whose
 * first bytes say what they are, so the declared type is checked against the content: a file
 * that claims to be a PDF and is not (an HTML page, an executable) is refused before it is kept.
 * Every type here is on the served list, so the patient downloads it in the type it was sent as.
 */
const SIGNATURES: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  'application/pdf': (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]), // %PDF-
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) =>
    b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Types staff may upload (415 unsupported_file_type otherwise). */
export const UPLOAD_CONTENT_TYPES: readonly string[] = Object.keys(SIGNATURES).filter((type) =>
  SERVED_CONTENT_TYPES.has(type),
);

/** Largest file staff may upload (413 file_too_large beyond): read into memory whole, then encrypted. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** An upload no message claimed within this time is refused when attached, then emptied (file and name erased). */
export const UPLOAD_LIFETIME_SECONDS = 24 * 60 * 60;

export type UploadCheck =
  | { ok: true; contentType: string }
  | { ok: false; reason: 'unsupported_type' | 'content_mismatch' | 'empty' };

/**
 * The declared type (parameters such as charset aside, any case) if it is allowed and the bytes
 * begin as that type does.
 */
export function checkUpload(declaredType: string, content: Buffer): UploadCheck {
  const contentType = declaredType.split(';')[0]!.trim().toLowerCase();
  const signature = UPLOAD_CONTENT_TYPES.includes(contentType) ? SIGNATURES[contentType] : undefined;
  if (!signature) return { ok: false, reason: 'unsupported_type' };
  if (content.length === 0) return { ok: false, reason: 'empty' };
  if (!signature(content)) return { ok: false, reason: 'content_mismatch' };
  return { ok: true, contentType };
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}
