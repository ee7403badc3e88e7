/**
 * How a stored attachment is named and served to staff. The bytes are whatever a patient sent, so
 * a download is never shown inline and never typed as anything off this list (HTML, SVG or script
 * could run in the api's origin): any other stored type is served as application/octet-stream.
 */

/** Types an attachment is served as: those channels store (MMS media and email attachments). */
export const SERVED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/tiff',
  'application/pdf',
  'text/vcard',
  'text/x-vcard',
  'text/plain',
  'text/csv',
  'text/calendar',
  'audio/mpeg',
  'audio/mp4',
  'audio/amr',
  'video/mp4',
  'video/3gpp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/rtf',
]);
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** The type a download answers with: the stored one if it is on the list, else octet-stream. */
export function servedContentType(stored: string | null): string {
  return stored !== null && SERVED_CONTENT_TYPES.has(stored) ? stored : FALLBACK_CONTENT_TYPE;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/tiff': 'tiff',
  'application/pdf': 'pdf',
  'text/vcard': 'vcf',
  'text/x-vcard': 'vcf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/calendar': 'ics',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/rtf': 'rtf',
};

const MAX_NAME_LENGTH = 255;

/**
 * The name staff see and download as: the sender's (email), without any path and control
 * characters; MMS media carry none, so `attachment-<n>.<ext>` from its place and type.
 */
export function attachmentFileName(
  stored: string | null,
  position: number,
  contentType: string | null,
): string {
  const printable = Array.from(stored ?? '')
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('');
  const cleaned = printable.split(/[/\\]/).pop()!.trim();
  // Cut by code point, never inside a surrogate pair.
  if (cleaned && cleaned !== '.' && cleaned !== '..')
    return Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('');
  const extension = contentType ? EXTENSIONS[contentType] : undefined;
  return `attachment-${position + 1}${extension ? `.${extension}` : ''}`;
}

/**
 * `Content-Disposition` of a download (RFC 6266): always `attachment`, with an ASCII fallback
 * name and the real one as RFC 8187 `filename*` (UTF-8, percent-encoded to attr-chars, so no
 * quote, semicolon or line break of a patient's file name reaches the header).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, '_') || 'attachment';
  const encoded = Array.from(new TextEncoder().encode(fileName), (byte) =>
    /[A-Za-z0-9!#$&+.^_`|~-]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
