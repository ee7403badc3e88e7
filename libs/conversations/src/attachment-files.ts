/**
 * How a stored attachment is named and served to staff. The bytes are whatever a patient sent, so
 * a download is never shown inline and never typed as anything off this list (HTML, SVG or script
 * could run in the api's origin): any other stored type is served as application/octet-stream.
 */

/**
 * The types channels store and a download is served as (the one list: MMS media, email
 * attachments, staff uploads), each with the extension a file without a name gets. `mms`: also
 * accepted from MMS (pictures, PDFs, contact cards, short audio and video); email keeps them all,
 * the documents patients send (forms, letters) too.
 */
const ATTACHMENT_TYPES: Readonly<Record<string, { extension: string; mms?: true }>> = {
  'image/jpeg': { extension: 'jpg', mms: true },
  'image/png': { extension: 'png', mms: true },
  'image/gif': { extension: 'gif', mms: true },
  'image/webp': { extension: 'webp', mms: true },
  'image/heic': { extension: 'heic', mms: true },
  'image/heif': { extension: 'heif', mms: true },
  'image/tiff': { extension: 'tiff' },
  'application/pdf': { extension: 'pdf', mms: true },
  'text/vcard': { extension: 'vcf', mms: true },
  'text/x-vcard': { extension: 'vcf', mms: true },
  'text/plain': { extension: 'txt' },
  'text/csv': { extension: 'csv' },
  'text/calendar': { extension: 'ics' },
  'audio/mpeg': { extension: 'mp3', mms: true },
  'audio/mp4': { extension: 'm4a', mms: true },
  'audio/amr': { extension: 'amr', mms: true },
  'video/mp4': { extension: 'mp4', mms: true },
  'video/3gpp': { extension: '3gp', mms: true },
  'application/msword': { extension: 'doc' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx' },
  'application/vnd.ms-excel': { extension: 'xls' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx' },
  'application/rtf': { extension: 'rtf' },
};

/** Types an attachment is served as: those channels store (MMS media and email attachments). */
export const SERVED_CONTENT_TYPES: ReadonlySet<string> = new Set(Object.keys(ATTACHMENT_TYPES));
/** What channels accept from MMS (a subset of the served types). */
export const MMS_CONTENT_TYPES: ReadonlySet<string> = new Set(
  Object.entries(ATTACHMENT_TYPES)
    .filter(([, type]) => type.mms)
    .map(([name]) => name),
);
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** The type a download answers with: the stored one if it is on the list, else octet-stream. */
export function servedContentType(stored: string | null): string {
  return stored !== null && SERVED_CONTENT_TYPES.has(stored) ? stored : FALLBACK_CONTENT_TYPE;
}

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
  const extension = contentType ? ATTACHMENT_TYPES[contentType]?.extension : undefined;
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
